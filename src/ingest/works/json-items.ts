/**
 * The line each top-level item of a JSON document starts on: the items of a top-level array, or
 * of the `results` array of an object (an OpenAlex API page). A small scanner rather than a
 * streaming JSON parser: JSON.parse has already checked the text, this only counts lines.
 */
export function itemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let arrayDepth = -1;
  let key = '';
  let lastString = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      else lastString += c;
      continue;
    }
    if (c === '"') {
      inString = true;
      lastString = '';
    } else if (c === ':') key = lastString;
    else if (c === '[' || c === '{') {
      if (c === '[' && arrayDepth < 0 && (depth === 0 || (depth === 1 && key === 'results')))
        arrayDepth = depth + 1;
      else if (depth === arrayDepth) lines.push(line);
      depth++;
    } else if (c === ']' || c === '}') depth--;
  }
  return lines;
}
