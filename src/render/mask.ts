/** CCCD/CMND numbers in text CI servers publish: "001086012301" → "0010860***01". */
export function maskIds(text: string): string {
  return text.replace(/(?<!\d)\d{9,12}(?!\d)/g, (id) => `${id.slice(0, id.length - 5)}***${id.slice(-2)}`);
}
