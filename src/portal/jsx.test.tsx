import { describe, expect, it } from 'vitest';
import { h, Fragment, raw } from './jsx.js';

describe('server JSX runtime', () => {
  it('escapes text and attribute values', () => {
    const html = (<p title={'"><script>'}>{'<b>&</b>'}</p>).html;
    expect(html).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;&amp;&lt;/b&gt;</p>');
  });
  it('passes raw() and nested elements through, drops null and false', () => {
    const html = (<div>{raw('<br>')}{null}{false}<span>x</span>{[1, 2]}</div>).html;
    expect(html).toBe('<div><br><span>x</span>12</div>');
  });
  it('renders boolean attributes, void tags, fragments and components', () => {
    const Item = (p: { label?: string }) => <li>{p.label}</li>;
    const html = (<><input required disabled={false} /><Item label="a" /></>).html;
    expect(html).toBe('<input required><li>a</li>');
  });
});
