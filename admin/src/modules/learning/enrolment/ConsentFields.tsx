import { DatePicker, Form, Input, Select } from 'antd';
import { CONSENT_METHODS } from './enrolmentApi';
import { useEnrolmentT } from './enrolmentText';

/** The consent a 代办 needs: how the resident agreed, a note, and when (required by the server too). */
export function ConsentFields() {
  const t = useEnrolmentT();
  return (
    <>
      <Form.Item name="method" label={t('consentMethod')} rules={[{ required: true }]}>
        <Select options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent.${m}`) }))} data-testid="consent-method" />
      </Form.Item>
      <Form.Item name="note" label={t('consentNote')}><Input maxLength={500} /></Form.Item>
      <Form.Item name="at" label={t('consentAt')} rules={[{ required: true }]}><DatePicker showTime /></Form.Item>
    </>
  );
}
