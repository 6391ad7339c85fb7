import { Alert, Drawer, type DrawerProps } from 'antd';
import type { ReactNode } from 'react';
import { useProblemText } from '../api/useProblemText';

interface Props {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  size: DrawerProps['size'];
  testId: string;
  /** A failed load of what the drawer shows. */
  error?: unknown;
  extra?: ReactNode;
  children: ReactNode;
}

/** The side drawer that shows one record of a list (emptied when closed), with its load error on top. */
export function DetailDrawer({ open, onClose, title, size, testId, error, extra, children }: Props) {
  const problemText = useProblemText();
  return (
    <Drawer open={open} onClose={onClose} size={size} title={title} extra={extra} destroyOnHidden data-testid={testId}>
      {error ? <Alert type="error" showIcon title={problemText(error)} /> : null}
      {children}
    </Drawer>
  );
}
