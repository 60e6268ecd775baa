/** Commands that work at any point of the conversation, whatever dialog is active. */
export type GlobalCommand =
  | { kind: 'help' }
  | { kind: 'restart' }
  | { kind: 'cancel' }
  | { kind: 'language'; lang: 'da' | 'en' }
  | { kind: 'cancel-booking'; reference: string };

const EXACT: Record<string, GlobalCommand> = {
  hjælp: { kind: 'help' }, hjaelp: { kind: 'help' }, help: { kind: 'help' }, '?': { kind: 'help' },
  'start forfra': { kind: 'restart' }, forfra: { kind: 'restart' }, restart: { kind: 'restart' }, 'start over': { kind: 'restart' }, genstart: { kind: 'restart' },
  annuller: { kind: 'cancel' }, annullér: { kind: 'cancel' }, cancel: { kind: 'cancel' }, afbryd: { kind: 'cancel' }, stop: { kind: 'cancel' },
  english: { kind: 'language', lang: 'en' }, engelsk: { kind: 'language', lang: 'en' }, 'in english': { kind: 'language', lang: 'en' }, 'på engelsk': { kind: 'language', lang: 'en' },
  dansk: { kind: 'language', lang: 'da' }, danish: { kind: 'language', lang: 'da' }, 'på dansk': { kind: 'language', lang: 'da' }, 'in danish': { kind: 'language', lang: 'da' },
};

/** Recognises a global command in a message; `undefined` for anything else. */
export function globalCommand(text: string): GlobalCommand | undefined {
  const folded = text.trim().toLowerCase().replace(/[.!]+$/, '').replace(/\s+/g, ' ');
  const exact = EXACT[folded];
  if (exact) return exact;
  const booking = /^(?:aflys|annuller|cancel)\s+(?:booking\s+|opringning\s+|reference\s+)?([a-z0-9]{3}[- ]?[a-z0-9]{3})$/i.exec(folded);
  if (booking) return { kind: 'cancel-booking', reference: booking[1]!.replace(/[- ]/g, '').toUpperCase() };
  return undefined;
}
