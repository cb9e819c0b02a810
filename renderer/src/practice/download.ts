// Saves text the workstation produced as a file, through the browser's own download (the
// shell's save dialog in the app). CSV text already starts with its BOM, so Excel reads UTF-8.
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
