/**
 * Copy text to the clipboard. When the Clipboard API is missing or refused (insecure origin,
 * permissions), select the text in `fallbackTarget` so the owner can press Ctrl/Cmd+C.
 */
export async function copyText(text: string, fallbackTarget: HTMLElement): Promise<'copied' | 'selected'> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard API');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    fallbackTarget.focus(); // focus first: focusing afterwards could collapse the selection
    const range = document.createRange();
    range.selectNodeContents(fallbackTarget);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return 'selected';
  }
}
