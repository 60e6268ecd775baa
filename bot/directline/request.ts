import type { Request, Response } from 'restify';
import { errorBody, errorStatus, type ErrorCode } from '../../knowledge/errors';
import { requestLang } from '../http/rate-limit';

/** Answers with the catalogue's status and `{"error","message"}` in the client's language. */
export function sendError(req: Request, res: Response, code: ErrorCode): void {
  res.send(errorStatus(code), errorBody(code, requestLang(req)));
}

/** A path parameter as a string ('' when absent). */
export function param(req: Request, name: string): string {
  const value: unknown = req.params?.[name];
  return typeof value === 'string' ? value : '';
}

/** A query parameter, whether or not restify's queryParser ran. */
export function query(req: Request, name: string): string | null {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name);
}


/** A bug answers 500 in the catalogue's words and never takes the server down. */
export function guarded(handler: (req: Request, res: Response) => Promise<void>): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch {
      if (!res.headersSent) sendError(req, res, 'internal_error');
    }
  };
}
