import { App, type FormInstance } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { isStaleVersion } from '../api/staleVersion';
import { useFormSubmit, type FieldErrorKey } from '../api/useFormSubmit';
import { ModalForm } from './ModalForm';

interface Props<Values, Editing, Saved> {
  open: boolean;
  /** The record being edited (its version goes with the save), or null to create one. */
  editing: Editing | null;
  title: string;
  form: FormInstance<Values>;
  /** The form's name (the inputs' ids derive from it). */
  name: string;
  /** The server's field names, so its field errors land on these inputs (a constant). */
  fields: readonly string[];
  ownErrorKeys?: FieldErrorKey;
  /** What the form shows when it opens (after a reset); nothing extra when absent. */
  initialValues?: (editing: Editing | null) => Partial<Values> | undefined;
  /** Validated values to the server: create or update. */
  submit: (values: Values, editing: Editing | null) => Promise<Saved>;
  /** Said when the save went through. */
  savedText: (saved: Saved) => string;
  /** Said when an edit met a newer version (409): clearer than the server's generic conflict text. */
  staleText: string;
  onClose: () => void;
  onSaved: (saved: Saved) => void;
  width?: number;
  testId: string;
  errorTestId?: string;
  requiredMark?: boolean;
  children: ReactNode;
}

/**
 * A create-or-edit form in a modal: server field errors on their fields, the rest above the form, and a stale
 * version (someone else saved first) said above the form and in a toast.
 */
export function FormModal<Values, Editing, Saved>(props: Props<Values, Editing, Saved>) {
  const { open, editing, title, form, name, fields, ownErrorKeys, submit, savedText, staleText, onClose, onSaved } = props;
  const { message } = App.useApp();
  const { run, submitting, error, clearError } = useFormSubmit(form, fields, ownErrorKeys);
  const [stale, setStale] = useState(false);
  // Read when the modal opens; callers pass a fresh function every render.
  const initialValues = useRef(props.initialValues);
  initialValues.current = props.initialValues;

  useEffect(() => {
    if (!open) return;
    clearError();
    setStale(false);
    form.resetFields();
    const values = initialValues.current?.(editing);
    if (values) form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, editing, form, clearError]);

  const save = async () => {
    const values = await form.validateFields();
    setStale(false);
    const saved = await run(async () => {
      try {
        return await submit(values, editing);
      } catch (failure) {
        if (editing && isStaleVersion(failure)) {
          setStale(true);
          // The alert sits at the top of a long form; say it where the eye is too.
          message.error(staleText);
        }
        throw failure;
      }
    });
    if (saved) {
      message.success(savedText(saved));
      onSaved(saved);
    }
  };

  return (
    <ModalForm open={open} title={title} form={form} name={name} onOk={() => void save().catch(() => undefined)} onCancel={onClose}
      submitting={submitting} error={stale ? staleText : error} width={props.width ?? 600} requiredMark={props.requiredMark}
      testId={props.testId} errorTestId={props.errorTestId}>
      {props.children}
    </ModalForm>
  );
}
