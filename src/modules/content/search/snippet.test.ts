import { describe, expect, it } from 'vitest';
import { highlight, snippet } from './snippet.js';

describe('result highlighting', () => {
  it('escapes everything and marks every occurrence, ignoring case', () => {
    expect(highlight('<b>WiFi</b> & wifi', ['wifi'])).toBe('&lt;b&gt;<mark>WiFi</mark>&lt;/b&gt; &amp; <mark>wifi</mark>');
    expect(highlight('"社区"教育', ['社区'])).toBe('&quot;<mark>社区</mark>&quot;教育');
    expect(highlight('社区教育', ['社区', '区教'])).toBe('<mark>社区教</mark>育');
  });

  it('cuts a window around the densest matches, with ellipses', () => {
    const text = '开头'.repeat(100) + '老年大学招生，老年大学开课' + '结尾'.repeat(100);
    const s = snippet(text, ['老年大学'], 60);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.match(/<mark>老年大学<\/mark>/g)).toHaveLength(2);
    expect(snippet('短文本', ['无'], 60)).toBe('短文本');
  });
});
