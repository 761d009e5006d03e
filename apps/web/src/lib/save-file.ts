/** Saves text made in the page as a file (the browser's download), without a round trip to the server. */
export function saveTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has queued the download; revoking on the next tick keeps every browser happy.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
