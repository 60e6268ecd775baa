import twilio from 'twilio';
import { expect } from 'vitest';
import { parseXml, spokenText } from '../../helpers/xml';

export interface TwimlReply {
  readonly status: number;
  readonly xml: string;
  /** Everything said, pauses as spaces. */
  readonly spoken: string;
  /** The `<Gather>`'s action (where the next key or word goes), if the reply asks something. */
  readonly action: string | undefined;
  readonly gather: Record<string, string> | undefined;
  /** The `<Redirect>` Twilio follows on silence. */
  readonly redirect: string | undefined;
  /** The number a `<Dial>` connects to. */
  readonly dial: string | undefined;
  readonly hangup: boolean;
}

/**
 * One phone call against the real server, posting what Twilio posts (form fields, and a valid
 * `X-Twilio-Signature` when the server has an auth token) and following the TwiML's Gather actions
 * and Redirects. Every reply must parse as XML.
 */
export class TwilioCall {
  last: TwimlReply | undefined;

  constructor(
    private readonly baseUrl: string,
    readonly sid: string,
    private readonly from: string,
    /** authToken: sign like Twilio; publicUrl: the address Twilio would call (the server's PUBLIC_URL). */
    private readonly options: { authToken?: string; publicUrl?: string } = {},
  ) {}

  start(): Promise<TwimlReply> {
    return this.post('/ivr/twilio/voice', {});
  }

  press(digits: string): Promise<TwimlReply> {
    return this.post(this.#action(), { Digits: digits });
  }

  say(words: string): Promise<TwimlReply> {
    return this.post(this.#action(), { SpeechResult: words, Confidence: '0.9' });
  }

  /** The caller says and keys nothing: Twilio falls through the Gather to the Redirect. */
  silence(): Promise<TwimlReply> {
    const redirect = this.last?.redirect;
    if (!redirect) throw new Error(`no Redirect after the last reply:\n${this.last?.xml}`);
    return this.post(redirect, {});
  }

  async hangUp(): Promise<number> {
    const res = await this.send('/ivr/twilio/status', { CallStatus: 'completed' });
    return res.status;
  }

  async post(pathOrUrl: string, fields: Record<string, string>): Promise<TwimlReply> {
    const res = await this.send(pathOrUrl, fields);
    const xml = await res.text();
    expect(res.status, xml).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    this.last = read(res.status, xml);
    return this.last;
  }

  #action(): string {
    const action = this.last?.action;
    if (!action) throw new Error(`the last reply asks nothing:\n${this.last?.xml}`);
    return action;
  }

  /** Posts like Twilio; `signWith` overrides the token the signature is made with (a forger's). */
  send(pathOrUrl: string, fields: Record<string, string>, signWith?: string): Promise<Response> {
    const { authToken, publicUrl } = this.options;
    const path = publicUrl && pathOrUrl.startsWith(publicUrl) ? pathOrUrl.slice(publicUrl.length) : pathOrUrl;
    const url = new URL(path, this.baseUrl).toString();
    // Twilio signs the URL it calls: the public one when the server sits behind a proxy.
    const signedUrl = publicUrl ? `${publicUrl}${new URL(url).pathname}${new URL(url).search}` : url;
    const params = { CallSid: this.sid, AccountSid: 'AC00000000000000000000000000000000', From: this.from, To: '+4589402000', CallStatus: 'in-progress', ...fields };
    const token = signWith ?? authToken;
    const signature = token ? { 'x-twilio-signature': twilio.getExpectedTwilioSignature(token, signedUrl, params) } : {};
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signature },
      body: new URLSearchParams(params).toString(),
    });
  }
}

function read(status: number, xml: string): TwimlReply {
  const doc = parseXml(xml);
  const one = (tag: string) => doc.getElementsByTagName(tag)[0];
  const gather = one('Gather');
  const attributes: Record<string, string> = {};
  if (gather) for (let i = 0; i < gather.attributes.length; i++) attributes[gather.attributes[i]!.name] = gather.attributes[i]!.value;
  return {
    status,
    xml,
    // Only what <Say> says: a Redirect's or Dial's text is an address, not speech.
    spoken: spokenText(xml.replace(/<(Redirect|Dial)\b[^>]*>[^<]*<\/\1>/g, '')),
    action: gather?.getAttribute('action') ?? undefined,
    gather: gather ? attributes : undefined,
    redirect: one('Redirect')?.textContent ?? undefined,
    dial: one('Dial')?.textContent?.trim() ?? undefined,
    hangup: one('Hangup') !== undefined,
  };
}
