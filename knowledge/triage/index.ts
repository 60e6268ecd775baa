/**
 * Triage: reads a citizen's message (Danish or English) and says which unit it is for, with a calibrated
 * confidence, whether it is an emergency, what the citizen wants and when, and whether it carries a CPR
 * number. Framework-free; built once per knowledge base with `Triage.build(kb)`.
 */
export type { Intent, TimeQuery, TriageResult } from './types';
export { Triage, type Scored } from './triage';
export { redactCpr } from './cpr';
export { detectLanguage } from './language';
export { resolveTime } from './resolve-time';
export { normalize, fold } from './normalize';
export { detectEmergency, type EmergencyReading } from './emergency-match';
export { detectIntent } from './intent';
