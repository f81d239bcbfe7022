// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true}}
import { it, expect } from 'vitest';
it('probe', async () => {
  const w = window as unknown as { happyDOM: { setURL(u: string): void; waitUntilComplete(): Promise<void> } };
  w.happyDOM.setURL('https://www.youtube.com/watch?v=abc');
  const html = '<!DOCTYPE html><html lang="sv"><head><title>T</title></head><body class="x"><div id="a">hi</div><script>document.getElementById("a").dataset.ran = "1"; document.getElementById("a").data = {commentId: "x"}; setTimeout(() => { document.body.append(document.createElement("p")); }, 300);</script></body></html>';
  document.open(); document.write(html); document.close();
  const a = document.getElementById('a') as unknown as { dataset: DOMStringMap; data?: unknown };
  console.log(location.href, document.body.className, a.dataset.ran, JSON.stringify(a.data), document.querySelectorAll('p').length);
  await new Promise((r) => setTimeout(r, 400));
  console.log(document.querySelectorAll('p').length);
  const textarea = document.createElement('div');
  expect(1).toBe(1);
});
