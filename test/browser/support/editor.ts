/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * The n8n editor as a builder uses it, driven through Debian's Chromium with playwright-core:
 * sign in, open a workflow, add a node from the nodes panel by searching its name, pick values in
 * dropdowns, run a step and read the output panel. n8n marks its UI with `data-test-id`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, selectors, type Browser, type Locator, type Page } from 'playwright-core';

import { ensureDebianPackage } from '../../e2e/support/debian';
import { OWNER, unflatten } from '../../e2e/support/rest';
import type { WorkflowNode } from '../../e2e/support/workflow';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, installed by the tests when missing and running as root (CHROMIUM_PATH is taken as is). */
export function ensureChromium(): void {
	if (process.env.CHROMIUM_PATH) {
		if (!existsSync(CHROMIUM)) throw new Error(`CHROMIUM_PATH=${CHROMIUM} does not exist`);
		return;
	}
	ensureDebianPackage('chromium', () => existsSync(CHROMIUM), `The browser tests need Chromium at ${CHROMIUM}`);
}

/** Flags that let Debian's Chromium run headless here: no sandbox as root, no calls to Google. */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export const PACKAGE_PREFIX = 'n8n-nodes-supply-chain.';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Editor {
	/** Console errors and page errors that mention this package, collected for the whole session. */
	readonly ourErrors: string[] = [];
	private constructor(
		readonly browser: Browser,
		readonly page: Page,
		readonly baseUrl: string,
	) {}

	static async open(baseUrl: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Editor> {
		ensureChromium();
		selectors.setTestIdAttribute('data-test-id');
		const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
		context.setDefaultTimeout(20_000);
		// Functions sent to the page may be compiled with esbuild's name helper (tsx); give the page a no-op one.
		await context.addInitScript('globalThis.__name = (target) => target;');
		const page = await context.newPage();
		const editor = new Editor(browser, page, baseUrl);
		const ours = /supply-chain|mbx|openboxes|apicbase/i;
		page.on('console', (message) => {
			if (message.type() === 'error' && ours.test(message.text())) editor.ourErrors.push(message.text());
		});
		page.on('pageerror', (error) => {
			if (ours.test(`${error.message}\n${error.stack ?? ''}`)) editor.ourErrors.push(error.message);
		});
		return editor;
	}

	async close(): Promise<void> {
		await this.browser.close();
	}

	/** Signs in through the sign-in form, as the owner the test set up. */
	async signIn(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
		await this.page.getByTestId('password').locator('input').fill(OWNER.password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL(/\/home\//);
	}

	/** Calls n8n's REST API from inside the signed-in page (its cookie and browser id). */
	async rest<T>(method: string, route: string, body?: unknown): Promise<T> {
		const result = await this.page.evaluate(
			async ({ method, route, body }) => {
				// Runs in the page: n8n's editor sends its browser id with every REST call.
				const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
				const response = await fetch(route, {
					method,
					headers: { 'content-type': 'application/json', 'browser-id': storage.getItem('n8n-browserId') ?? '' },
					body: body === undefined ? undefined : JSON.stringify(body),
				});
				return { status: response.status, text: await response.text() };
			},
			{ method, route, body },
		);
		if (result.status >= 400) throw new Error(`${method} ${route}: ${result.status} ${result.text.slice(0, 500)}`);
		const parsed = JSON.parse(result.text) as { data?: T };
		return (parsed.data ?? parsed) as T;
	}

	/** Saves a workflow through the REST API and opens it in the editor. */
	async openNewWorkflow(name: string, nodes: WorkflowNode[] = [], connections: Record<string, unknown> = {}): Promise<string> {
		const created = await this.rest<{ id: string }>('POST', '/rest/workflows', {
			name,
			nodes,
			connections,
			settings: { executionOrder: 'v1' },
			active: false,
		});
		await this.openWorkflow(created.id);
		return created.id;
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.page.getByTestId('canvas-wrapper').waitFor();
	}

	/**
	 * What a builder does to add a node: open the nodes panel, type a name, pick the node whose
	 * type is `type`, then (for nodes with actions) the action. Returns the search results' names.
	 */
	async addNodeFromPanel(search: string, type: string, action?: string): Promise<string[]> {
		await this.page.getByTestId('node-creator-plus-button').click();
		await this.page.getByTestId('node-creator-search-bar').fill(search);
		const item = this.page.locator(`[data-keyboard-nav-id^="${PACKAGE_PREFIX}${type}-"]`).first();
		await item.waitFor();
		const results = await this.page.getByTestId('node-creator').getByTestId('node-creator-item-name').allInnerTexts();
		await item.click();
		await this.addFromDetailsPanel();
		if (action !== undefined) {
			await this.page
				.locator('[data-test-id=item-iterator-item][data-keyboard-nav-type=action]')
				.filter({ has: this.page.getByTestId('node-creator-item-name').getByText(action, { exact: true }) })
				.first()
				.click();
		}
		await this.ndv.waitFor();
		return results;
	}

	/**
	 * A community node without a list of actions opens a details panel first; a builder clicks
	 * "Add to workflow" there. Nothing to do when the node was added (or its actions listed) at once.
	 */
	async addFromDetailsPanel(): Promise<void> {
		const add = this.page.getByRole('button', { name: 'Add to workflow' });
		const actions = this.page.locator('[data-test-id=item-iterator-item][data-keyboard-nav-type=action]');
		await this.ndv.or(add).or(actions).first().waitFor();
		if (await add.isVisible()) await add.click();
	}

	get ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	get parameters(): Locator {
		return this.page.getByTestId('node-parameters');
	}

	async closeNdv(): Promise<void> {
		await this.page.getByTestId('ndv-close-button').click();
		await this.ndv.waitFor({ state: 'hidden' });
	}

	private get openDropdown(): Locator {
		// A closing dropdown stays in the page for a moment, marked aria-hidden.
		return this.page.locator('.el-select__popper[aria-hidden=false]:visible');
	}

	/** The option names an options parameter offers, read from its open dropdown. */
	async optionNames(parameter: string): Promise<string[]> {
		await this.parameters.getByTestId(`parameter-input-${parameter}`).click();
		await this.openDropdown.locator('[data-test-id=parameter-input-item]').first().waitFor();
		const names = await this.openDropdown.locator('[data-test-id=parameter-input-item] .option-headline').allInnerTexts();
		await this.page.keyboard.press('Escape');
		await this.openDropdown.waitFor({ state: 'hidden' });
		return names.map((name) => name.trim());
	}

	/** Picks an option of a dropdown parameter by its visible name. */
	async pick(parameter: string, option: string, options: { last?: boolean } = {}): Promise<void> {
		const inputs = this.parameters.getByTestId(`parameter-input-${parameter}`);
		await (options.last ? inputs.last() : inputs).click();
		await this.openDropdown
			.locator('[data-test-id=parameter-input-item] .option-headline')
			.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(option)}\\s*$`) })
			.first()
			.click();
		await this.openDropdown.waitFor({ state: 'hidden' });
	}

	/** Types into a text or number parameter. */
	async fill(parameter: string, value: string, options: { last?: boolean } = {}): Promise<void> {
		const inputs = this.parameters.getByTestId(`parameter-input-${parameter}`);
		const input = (options.last ? inputs.last() : inputs).locator('input, textarea, [contenteditable=true]').first();
		await input.click();
		await input.fill(value);
		await input.blur();
		await this.waitUntilStored(parameter, value);
	}

	/**
	 * n8n applies typed input to the workflow after a short debounce; a step run before that runs
	 * with the old value. Waits until the open node's parameter (at any depth) holds the value.
	 */
	private async waitUntilStored(parameter: string, value: string): Promise<void> {
		await this.page
			.waitForFunction(
				({ parameter, value }) => {
					// n8n 2.41 keeps one NDV and one document store per open workflow ("ndv/<id>@latest").
					type Node = { name: string; parameters: unknown };
					type Store = Record<string, unknown> & { activeNodeName?: string; allNodes?: Node[]; getNodeByName?: (name: string) => Node | null };
					const root = (globalThis as unknown as { document: { querySelector(selector: string): { __vue_app__?: { config: { globalProperties: { $pinia?: { _s: Map<string, Store> } } } } } | null } }).document.querySelector('#app');
					const stores = [...(root?.__vue_app__?.config.globalProperties.$pinia?._s ?? new Map<string, Store>()).entries()];
					const name = stores.find(([id, store]) => id.startsWith('ndv/') && store.activeNodeName)?.[1].activeNodeName;
					if (!name) return false;
					const documents = stores.filter(([id]) => id.startsWith('workflowDocuments/')).map(([, store]) => store);
					const node = documents.map((store) => store.getNodeByName?.(name) ?? store.allNodes?.find((candidate) => candidate.name === name)).find(Boolean);
					const holds = (container: unknown): boolean => {
						if (!container || typeof container !== 'object') return false;
						for (const [key, stored] of Object.entries(container)) {
							const plain = stored && typeof stored === 'object' && '__rl' in stored ? (stored as { value: unknown }).value : stored;
							if (key === parameter && (typeof plain === 'string' || typeof plain === 'number') && String(plain) === value) return true;
							if (holds(stored)) return true;
						}
						return false;
					};
					return holds(node?.parameters);
				},
				{ parameter, value },
				{ timeout: 10_000 },
			)
			.catch(async (error: Error) => {
				// What the editor holds instead, to see whether n8n moved its stores.
				const seen = await this.page.evaluate(() => {
					const root = (globalThis as unknown as { document: { querySelector(selector: string): { __vue_app__?: { config: { globalProperties: { $pinia?: { _s: Map<string, Record<string, unknown>> } } } } } | null } }).document.querySelector('#app');
					const stores = [...(root?.__vue_app__?.config.globalProperties.$pinia?._s ?? new Map<string, Record<string, unknown>>()).entries()];
					const keys = (store: Record<string, unknown>) => Object.keys(store).filter((key) => !key.startsWith('$') && !key.startsWith('_')).join(',');
					return stores.filter(([id]) => id.startsWith('ndv/') || id.startsWith('workflowDocuments/')).map(([id, store]) => `${id}: ${keys(store)}`).join(' | ');
				});
				throw new Error(`${error.message}: ${seen.slice(0, 3000)}`);
			});
	}

	/** Sets a record picker (resource locator) to "By ID" and types the ID. */
	async fillLocatorById(parameter: string, value: string): Promise<void> {
		const locator = this.parameters.getByTestId(`resource-locator-${parameter}`);
		await locator.getByTestId('rlc-mode-selector').click();
		await this.openDropdown.locator('[data-test-id=parameter-input-item], .el-select-dropdown__item').filter({ hasText: /^\s*By ID\s*$/ }).first().click();
		const input = locator.locator('input[data-test-id=rlc-input], [data-test-id=rlc-input] input, [data-test-id=rlc-input] textarea').first();
		await input.click();
		await input.fill(value);
		await input.blur();
		await this.waitUntilStored(parameter, value);
	}

	/** Clicks a boolean parameter's switch. */
	async toggle(parameter: string): Promise<void> {
		await this.parameters.getByTestId(`parameter-input-${parameter}`).locator('.el-switch').click();
	}

	/** The credential names offered in the credential picker. */
	async credentialChoices(): Promise<string[]> {
		await this.parameters.getByTestId('node-credentials-select').click();
		await this.page.locator('[data-test-id^="node-credentials-select-item-"]:visible').first().waitFor();
		const names = await this.page
			.locator('[data-test-id^="node-credentials-select-item-"]:visible')
			.filter({ hasNot: this.page.locator('[data-test-id=node-credentials-select-item-new]') })
			.allInnerTexts();
		await this.page.keyboard.press('Escape');
		await this.page.locator('[data-test-id^="node-credentials-select-item-"]:visible').first().waitFor({ state: 'hidden' });
		// Each entry shows the credential's name, then its type on a second line.
		return names.map((name) => name.trim().split('\n')[0].trim()).filter((name) => name !== '' && !/create new/i.test(name));
	}

	/**
	 * Which of these parameters the parameter panel does not show, or shows read-only. Inputs are
	 * found by n8n's test ids; notices by their text, collections by their label and "Add" button.
	 */
	async unreachable(expected: Array<{ name: string; displayName: string; type: string }>): Promise<string[]> {
		// Dropdowns are read-only while their options load from the vendor: look again before failing.
		let problems: string[] = [];
		for (let attempt = 0; attempt < 4; attempt++) {
			await this.page.waitForTimeout(attempt === 0 ? 150 : 1000);
			problems = await this.findUnreachable(expected);
			if (problems.length === 0) break;
		}
		return problems;
	}

	private async findUnreachable(expected: Array<{ name: string; displayName: string; type: string }>): Promise<string[]> {
		return await this.parameters.evaluate((root, expected) => {
			const text = (value: string | null | undefined) => (value ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
			const problems: string[] = [];
			for (const parameter of expected) {
				let element: ReturnType<typeof root.querySelector> | undefined;
				if (parameter.type === 'notice') {
					const wanted = text(parameter.displayName).slice(0, 40);
					element = [...root.querySelectorAll('.notice')].find((notice) => text(notice.textContent).startsWith(wanted));
				} else if (parameter.type === 'fixedCollection') {
					element = root.querySelector(`[data-test-id="fixed-collection-${parameter.name}"]`);
				} else if (parameter.type === 'collection') {
					element = [...root.querySelectorAll('[data-test-id=parameter-item]')].find(
						(item) => item.querySelector('[data-test-id=collection-parameter-add]') && text(item.textContent).startsWith(parameter.displayName),
					);
				} else {
					element = root.querySelector(`[data-test-id="parameter-input-${parameter.name}"]`);
				}
				if (!element || element.getClientRects().length === 0) {
					problems.push(`${parameter.displayName} (${parameter.name}) is not shown`);
				} else if (
					!['notice', 'collection', 'fixedCollection'].includes(parameter.type) &&
					(element.matches('.is-disabled') || element.querySelector('[disabled], .is-disabled, [class*=_disabled_]'))
				) {
					problems.push(`${parameter.displayName} (${parameter.name}) is read-only`);
				}
			}
			return problems;
		}, expected);
	}

	/** Picks a credential by its name in the credential picker (this also sets Authentication). */
	async pickCredential(name: string): Promise<void> {
		await this.parameters.getByTestId('node-credentials-select').click();
		await this.page.locator('[data-test-id^="node-credentials-select-item-"]:visible').filter({ hasText: name }).first().click();
	}

	private async executionsOfOpenWorkflow(): Promise<Array<{ id: string; status: string; finished?: boolean }>> {
		const workflowId = /\/workflow\/([^/?#]+)/.exec(this.page.url())?.[1];
		if (!workflowId) throw new Error(`No workflow open at ${this.page.url()}`);
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		return (await this.rest<{ results: Array<{ id: string; status: string }> }>('GET', `/rest/executions?filter=${filter}`)).results;
	}

	/**
	 * Clicks "Execute step" and returns the item count the output panel then shows. The run is
	 * followed through n8n's list of executions, so a count left from an earlier run is never read.
	 */
	async executeStep(timeoutMs = 60_000): Promise<number> {
		const before = new Set((await this.executionsOfOpenWorkflow()).map((execution) => execution.id));
		await this.page.getByTestId('node-execute-button').click();
		const deadline = Date.now() + timeoutMs;
		let run: { id: string; status: string } | undefined;
		for (;;) {
			run = (await this.executionsOfOpenWorkflow()).find((execution) => !before.has(execution.id) && !['new', 'running', 'waiting'].includes(execution.status));
			if (run) break;
			if (Date.now() > deadline) throw new Error(`The step did not finish within ${timeoutMs} ms`);
			await this.page.waitForTimeout(500);
		}
		const output = this.page.getByTestId('output-panel');
		if (run.status !== 'success') throw new Error(`The step ended "${run.status}": ${await this.whyRunFailed(run.id)}`);
		const count = output.getByTestId('ndv-items-count');
		await count.waitFor();
		const text = await count.innerText();
		const match = /(\d+)\s+items?/.exec(text);
		if (!match) throw new Error(`No item count in "${text}"`);
		return Number(match[1]);
	}

	/** n8n's own error for a run, with the parameters the failing node ran with (the output panel may not show it yet). */
	private async whyRunFailed(executionId: string): Promise<string> {
		const execution = await this.rest<{ data?: string; workflowData?: { nodes?: Array<{ name: string; parameters?: unknown }> } }>('GET', `/rest/executions/${executionId}`);
		const data = unflatten(String(execution.data)) as { resultData?: { error?: { message?: string; description?: string; node?: { name?: string } } } };
		const error = data.resultData?.error;
		const node = execution.workflowData?.nodes?.find((candidate) => candidate.name === error?.node?.name);
		return [error?.message, error?.description, node && `parameters: ${JSON.stringify(node.parameters)}`].filter(Boolean).join(' | ').slice(0, 1500);
	}

	/** Screenshots go to docs/images when refreshing them (`npm run screenshots`), else to a temp folder. */
	async screenshot(name: string, target: Locator | Page = this.page): Promise<string> {
		const folder = process.env.SCREENSHOTS_DIR ?? path.join(process.env.TMPDIR ?? '/tmp', 'supply-chain-screenshots');
		mkdirSync(folder, { recursive: true });
		const file = path.join(folder, `${name}.png`);
		await target.screenshot({ path: file });
		return file;
	}
}
