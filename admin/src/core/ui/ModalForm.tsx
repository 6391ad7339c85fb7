import { Alert, Form, Modal, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';

interface Props<Values> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<Values>;
  /** The form's name (the inputs' ids derive from it). */
  name: string;
  /** Default: submit the form (its `onFinish` saves). */
  onOk?: () => void;
  onCancel: () => void;
  submitting: boolean;
  /** What went wrong with the last save, beyond the fields' own errors. */
  error: string | null;
  okText?: string;
  width?: number;
  /** Keep the form mounted while closed (forms filled in before they open); otherwise it is emptied on close. */
  keepMounted?: boolean;
  onFinish?: FormProps<Values>['onFinish'];
  initialValues?: FormProps<Values>['initialValues'];
  requiredMark?: boolean;
  /** A line above the form. */
  intro?: ReactNode;
  testId?: string;
  okTestId?: string;
  errorTestId?: string;
  children: ReactNode;
}

/** A form in a modal: 保存 and 取消 below, the save's error above the fields. */
export function ModalForm<Values>(props: Props<Values>) {
  const { open, title, form, name, onOk, onCancel, submitting, error, keepMounted, children } = props;
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onOk={onOk ?? (() => form.submit())}
      onCancel={onCancel}
      confirmLoading={submitting}
      width={props.width}
      forceRender={keepMounted}
      destroyOnHidden={!keepMounted}
      data-testid={props.testId}
      okButtonProps={props.okTestId ? ({ 'data-testid': props.okTestId } as Record<string, string>) : undefined}
    >
      {props.intro}
      <Form<Values> form={form} name={name} layout="vertical" onFinish={props.onFinish} initialValues={props.initialValues}
        requiredMark={props.requiredMark}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={props.errorTestId} /> : null}
        {children}
      </Form>
    </Modal>
  );
}
