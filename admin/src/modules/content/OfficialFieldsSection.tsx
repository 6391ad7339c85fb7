import { Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import type { Id } from '../../core/api/types';
import { useT } from '../../core/i18n/useT';
import { ItemPicker } from './ItemPicker';
import { DISCLOSURES, DOC_TYPES, VALIDITIES } from './types';

interface Props {
  disabled: boolean;
  itemId?: Id;
  indexNumber?: string | null;
  repealedByTitle?: string;
}

const name = (field: string) => ['official', field];

/** The 公文 fields of the editor: type, organs, number, dates, classification and validity. */
export function OfficialFieldsSection({ disabled, itemId, indexNumber, repealedByTitle }: Props) {
  const t = useT();
  const validity = Form.useWatch(name('validity'));
  const required = { required: true, whitespace: true, message: t('content.field.required') };

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={name('docType')} label={t('content.official.docType')} rules={[{ required: true, message: t('content.field.required') }]}>
            <Select
              disabled={disabled}
              options={DOC_TYPES.map((type) => ({ value: type, label: t(`content.docType.${type}`) }))}
              data-testid="official-doc-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name={name('issuingOrgan')} label={t('content.official.issuingOrgan')} rules={[required, { max: 100 }]}>
            <Input disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={name('organCode')}
            label={t('content.official.organCode')}
            tooltip={t('content.official.organCodeHint')}
            rules={[required, { pattern: /^[0-9A-Za-z-]{1,20}$/, message: t('content.official.organCodeInvalid') }]}
          >
            <Input disabled={disabled} className="lc-mono" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name={name('docNumber')}
            label={t('content.official.docNumber')}
            tooltip={t('content.official.docNumberHint')}
            // The server is the judge (it accepts [2023] or （2023） and normalises them to 〔2023〕): its
            // field error shows here.
            rules={[{ max: 60 }]}
          >
            <Input disabled={disabled} placeholder="X教发〔2023〕12号" data-testid="official-doc-number" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={name('signer')} label={t('content.official.signer')} rules={[{ max: 50 }]}>
            <Input disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('content.official.indexNumber')}>
            <Typography.Text className="lc-mono" type={indexNumber ? undefined : 'secondary'}>
              {indexNumber || t('content.official.indexNumberPending')}
            </Typography.Text>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={name('addressees')} label={t('content.official.addressees')} rules={[{ max: 300 }]}>
            <Input disabled={disabled} placeholder={t('content.official.addresseesPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={name('cc')} label={t('content.official.cc')} rules={[{ max: 300 }]}>
            <Input disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name={name('writtenDate')} label={t('content.official.writtenDate')}>
            <DatePicker disabled={disabled} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={name('printingOrgan')} label={t('content.official.printingOrgan')} rules={[{ max: 100 }]}>
            <Input disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={name('printingDate')} label={t('content.official.printingDate')}>
            <DatePicker disabled={disabled} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={name('topic')} label={t('content.official.topic')} rules={[required, { max: 50 }]}>
            <Input disabled={disabled} placeholder={t('content.official.topicPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={name('disclosure')} label={t('content.official.disclosure')} rules={[{ required: true }]}>
            <Select
              disabled={disabled}
              options={DISCLOSURES.map((d) => ({ value: d, label: t(`content.disclosure.${d}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={name('validity')} label={t('content.official.validity')} rules={[{ required: true }]}>
            <Select disabled={disabled} options={VALIDITIES.map((v) => ({ value: v, label: t(`content.validity.${v}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      {validity === 'repealed' ? (
        <Form.Item
          name={name('repealedById')}
          label={t('content.official.repealedBy')}
          rules={[{ required: true, message: t('content.official.repealedByRequired') }]}
        >
          <ItemPicker
            kind="official_document"
            excludeId={itemId}
            currentTitle={repealedByTitle}
            disabled={disabled}
            placeholder={t('content.official.repealedByPlaceholder')}
          />
        </Form.Item>
      ) : null}
      <Form.Item name={name('attachmentNotes')} label={t('content.official.attachmentNotes')} rules={[{ max: 500 }]}>
        <Input.TextArea disabled={disabled} autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('content.official.attachmentNotesPlaceholder')} />
      </Form.Item>
    </>
  );
}
