import { App } from 'antd';
import { useState } from 'react';
import { useProblemText } from '../api/useProblemText';
import { useT } from '../i18n/useT';

/** The server refuses bigger uploads with 413; checking first saves sending 20 MiB for nothing. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Sends a chosen file with `send`: a file over the limit is refused at once, `uploading` is true meanwhile, and a
 * failure is said in a toast.
 */
export function useUpload(send: (file: File) => Promise<void>) {
  const t = useT();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      message.error(t('content.attachments.tooLarge'));
      return;
    }
    setUploading(true);
    try {
      await send(file);
    } catch (failure) {
      message.error(problemText(failure));
    } finally {
      setUploading(false);
    }
  };

  return { uploading, upload };
}
