/**
 * The clock a sandbox stamps records with (creation and change times). It follows real time until
 * a test sets it; then it stays at that time until set again, so everything stamped meanwhile
 * shares one time, as on a server whose clock ticks once a second, and a test moves time on
 * without sleeping. Sessions, tokens and signatures keep real time. The MBX and OpenBoxes
 * rate-limit windows follow this clock, so a test passes a window by setting it a minute on.
 */
import type { SandboxResponse } from './server';

export class RecordClock {
	private at: number | null = null;

	/** Stops the clock at `at` (epoch ms or an ISO time); null lets it follow real time again. */
	set(at: number | string | null): void {
		const ms = at === null ? null : typeof at === 'number' ? at : Date.parse(at);
		if (ms !== null && !Number.isFinite(ms)) throw new Error(`clock: not a time: ${String(at)}`);
		this.at = ms;
	}

	/** The time it is set to, or null while it follows real time. */
	setAt(): number | null {
		return this.at;
	}

	now(): number {
		return this.at ?? Date.now();
	}

	/** The `clock` control action: `{"at": <ISO time, epoch ms or null>}` sets it; the answer is `{"at"}`. */
	control(body: unknown): SandboxResponse {
		const at = typeof body === 'object' && body !== null ? (body as { at?: unknown }).at : undefined;
		if (at !== null && typeof at !== 'string' && typeof at !== 'number') {
			return { status: 400, body: { error: 'clock: send {"at": <ISO time, epoch ms or null>}' } };
		}
		try {
			this.set(at);
		} catch (error) {
			return { status: 400, body: { error: (error as Error).message } };
		}
		return { status: 200, body: { at: this.at === null ? null : new Date(this.at).toISOString() } };
	}
}
