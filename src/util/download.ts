/** Saves text as a file through a Blob and a temporary <a download> (no server involved). */
export function downloadText(text: string, fileName: string, mime: string): void {
  downloadBytes(new Blob([text], { type: mime }), fileName, mime);
}

/** A file-name-safe piece from a user string (category id, layer name). */
export function fileSafe(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'export';
}

/** Saves bytes or a Blob as a file through a temporary <a download> (no server involved). */
export function downloadBytes(data: Uint8Array | Blob, fileName: string, mime: string): void {
  const blob = data instanceof Blob ? data : new Blob([data.slice().buffer as ArrayBuffer], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers read the blob after click returns; revoke later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
