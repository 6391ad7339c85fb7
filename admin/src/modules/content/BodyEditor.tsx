import './content.css';
import {
  BoldOutlined,
  CodeOutlined,
  DisconnectOutlined,
  LinkOutlined,
  LoadingOutlined,
  OrderedListOutlined,
  PictureOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Flex, Input, Modal, Tooltip, theme } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../core/i18n/useT';

interface Props {
  id?: string;
  value?: string;
  onChange?: (html: string) => void;
  'aria-label'?: string;
  /** Height of the editing area when empty (px). */
  minHeight?: number;
  /** Stores a picture and gives its address; without it the editor has no picture button. */
  onUploadImage?: (file: File) => Promise<string>;
}

/**
 * A small rich-text editor without dependencies: a contentEditable area driven by the browser's editing
 * commands (headings, paragraphs, lists, bold, links), plus an HTML source view. It only has to produce
 * plain structural HTML: the server sanitises every body with an allowlist anyway.
 */
export function BodyEditor({ id, value = '', onChange, 'aria-label': ariaLabel, minHeight = 280, onUploadImage }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  const area = useRef<HTMLDivElement>(null);
  const savedRange = useRef<Range | null>(null);
  const [source, setSource] = useState(false);
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('https://');
  const [uploading, setUploading] = useState(false);
  const imageInput = useRef<HTMLInputElement>(null);

  // Only write into the editable area when the value changed from outside (loading, import, source view):
  // rewriting it on every keystroke would move the caret to the start.
  useEffect(() => {
    const el = area.current;
    if (el && el.innerHTML !== value) el.innerHTML = value;
  }, [value, source]);

  // Only real changes count: leaving the area untouched must not mark the form as edited.
  const emit = () => {
    const el = area.current;
    if (el && el.innerHTML !== value) onChange?.(el.innerHTML);
  };

  const run = (command: string, argument?: string) => {
    area.current?.focus();
    document.execCommand(command, false, argument);
    emit();
  };

  const openLink = () => {
    const selection = window.getSelection();
    savedRange.current =
      selection && selection.rangeCount > 0 && area.current?.contains(selection.anchorNode)
        ? selection.getRangeAt(0).cloneRange()
        : null;
    setHref('https://');
    setLinking(true);
  };

  const applyLink = () => {
    setLinking(false);
    const url = href.trim();
    if (!url || url === 'https://') return;
    area.current?.focus();
    const selection = window.getSelection();
    if (savedRange.current && selection) {
      selection.removeAllRanges();
      selection.addRange(savedRange.current);
    }
    // With nothing selected, insert the address itself as the link text.
    if (!selection || selection.isCollapsed) run('insertHTML', `<a href="${escapeAttribute(url)}">${escapeText(url)}</a>`);
    else run('createLink', url);
  };

  const pickImage = () => {
    const selection = window.getSelection();
    savedRange.current =
      selection && selection.rangeCount > 0 && area.current?.contains(selection.anchorNode)
        ? selection.getRangeAt(0).cloneRange()
        : null;
    imageInput.current?.click();
  };

  const insertImage = async (file: File | undefined) => {
    if (!file || !onUploadImage) return;
    setUploading(true);
    try {
      const url = await onUploadImage(file);
      area.current?.focus();
      const selection = window.getSelection();
      if (savedRange.current && selection) {
        selection.removeAllRanges();
        selection.addRange(savedRange.current);
      }
      run('insertHTML', `<img src="${escapeAttribute(url)}" alt="${escapeAttribute(file.name)}">`);
    } catch {
      // The uploader has told the user why; the body stays as it was.
    } finally {
      setUploading(false);
      if (imageInput.current) imageInput.current.value = '';
    }
  };

  const tool = (label: string, icon: ReactNode, action: () => void, text?: string) => (
    <Tooltip title={label}>
      <Button
        size="small"
        type="text"
        icon={icon}
        aria-label={label}
        disabled={source}
        // Keep the selection in the editable area when the button is pressed.
        onMouseDown={(e) => e.preventDefault()}
        onClick={action}
      >
        {text}
      </Button>
    </Tooltip>
  );

  return (
    <div
      className="lc-body-editor"
      style={{ border: `1px solid ${token.colorBorder}`, borderRadius: token.borderRadius, background: token.colorBgContainer }}
    >
      <Flex
        gap={2}
        wrap
        role="toolbar"
        aria-label={t('content.editor.toolbar')}
        style={{ padding: 4, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
      >
        {tool(t('content.editor.h2'), null, () => run('formatBlock', 'h2'), 'H2')}
        {tool(t('content.editor.h3'), null, () => run('formatBlock', 'h3'), 'H3')}
        {tool(t('content.editor.paragraph'), null, () => run('formatBlock', 'p'), '¶')}
        {tool(t('content.editor.bold'), <BoldOutlined aria-hidden />, () => run('bold'))}
        {tool(t('content.editor.ul'), <UnorderedListOutlined aria-hidden />, () => run('insertUnorderedList'))}
        {tool(t('content.editor.ol'), <OrderedListOutlined aria-hidden />, () => run('insertOrderedList'))}
        {tool(t('content.editor.link'), <LinkOutlined aria-hidden />, openLink)}
        {tool(t('content.editor.unlink'), <DisconnectOutlined aria-hidden />, () => run('unlink'))}
        {onUploadImage ? (
          <>
            {tool(t('content.editor.image'), uploading ? <LoadingOutlined aria-hidden /> : <PictureOutlined aria-hidden />, pickImage)}
            <input
              ref={imageInput}
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              style={{ display: 'none' }}
              onChange={(e) => void insertImage(e.target.files?.[0])}
              data-testid="body-image-input"
            />
          </>
        ) : null}
        <span style={{ flex: 1 }} />
        <Tooltip title={t('content.editor.source')}>
          <Button
            size="small"
            type={source ? 'primary' : 'text'}
            icon={<CodeOutlined aria-hidden />}
            aria-label={t('content.editor.source')}
            aria-pressed={source}
            onClick={() => setSource((s) => !s)}
            data-testid="body-source-toggle"
          />
        </Tooltip>
      </Flex>
      {source ? (
        <Input.TextArea
          id={id}
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          autoSize={{ minRows: 12, maxRows: 30 }}
          variant="borderless"
          className="lc-mono"
          aria-label={ariaLabel}
          data-testid="body-source"
        />
      ) : (
        <div
          id={id}
          ref={area}
          className="lc-body-editor-area"
          contentEditable
          suppressContentEditableWarning
          role="textbox"
          aria-multiline="true"
          aria-label={ariaLabel}
          tabIndex={0}
          onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
          onInput={emit}
          onBlur={emit}
          data-testid="body-editor"
          style={{ minHeight, maxHeight: 560, overflow: 'auto', padding: '8px 12px', outline: 'none', lineHeight: 1.8 }}
        />
      )}
      <Modal
        open={linking}
        title={t('content.editor.link')}
        okText={t('content.ok')}
        cancelText={t('common.cancel')}
        onOk={applyLink}
        onCancel={() => setLinking(false)}
        destroyOnHidden
      >
        <Input
          value={href}
          onChange={(e) => setHref(e.target.value)}
          onPressEnter={applyLink}
          aria-label={t('content.editor.linkAddress')}
          autoFocus
        />
      </Modal>
    </div>
  );
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
