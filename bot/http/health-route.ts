import type { Server } from 'restify';

export interface Health {
  readonly units: number;
  readonly storage: () => Promise<boolean>;
}

/** `GET /healthz`: 200 while the front door can answer; says whether callbacks can be stored. */
export function registerHealthRoute(server: Server, health: Health): void {
  server.get('/healthz', async (_req, res) => {
    const storage = await health.storage();
    res.send(200, { status: 'ok', units: health.units, storage: storage ? 'ok' : 'unavailable' });
  });
}
