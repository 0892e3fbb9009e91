import { MutualError } from '@mutual/protocol';

/**
 * CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a comma, a quote,
 * CR or LF, quotes doubled inside. Spreadsheets run a cell that starts with = + - @ (or a tab or
 * CR) as a formula: such a cell is written with a leading ' (OWASP's advice), and a cell that
 * already starts with ' before one of those gets one more, so reading gives back exactly the text.
 * The same goes inside a cell after a semicolon or a tab (and any quotes after it): a spreadsheet
 * set to a region whose list separator is ";" (French Excel opens a .csv that way) starts a cell
 * there, and the quoting meant for commas does not hold under that split.
 */
// The boundary is looked behind, never consumed: a tab is both a boundary and a formula start, and
// a cell that starts with one must be checked at the start and again after it.
const FORMULA_AFTER_BOUNDARY = /(?:^|(?<=[;\t]"*))('*)(?=[=+\-@\t\r])/g;
const NEUTRALISED_AFTER_BOUNDARY = /(?:^|(?<=[;\t]"*))'('*)(?=[=+\-@\t\r])/g;

export function neutralise(cell: string): string {
  return cell.replace(FORMULA_AFTER_BOUNDARY, "'$1");
}

/** The inverse of {@link neutralise}, applied when reading our own CSV back. */
export function restore(cell: string): string {
  return cell.replace(NEUTRALISED_AFTER_BOUNDARY, '$1');
}

function field(value: string): string {
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Reads RFC 4180 CSV (LF alone accepted too); every cell goes through {@link restore}. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endCell = () => {
    row.push(restore(cell));
    cell = '';
  };
  for (; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
        if (i + 1 < text.length && !',\r\n'.includes(text[i + 1]!)) throw new MutualError('invalid_request', `CSV: text after a closing quote (character ${i + 1})`);
      } else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') endCell();
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += char;
  }
  if (quoted) throw new MutualError('invalid_request', 'CSV: a quoted field is not closed');
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}
