import type * as vscode from 'vscode';
import type { FileRequest, InputRequest, PickRequest, Prompts } from '../../src/prompts/prompts.js';

/** An answer that cancels the question, as Escape does. */
export const CANCEL = Symbol('cancel');
/** An answer that takes the focused item, as Enter does before the user moves. */
export const ENTER = Symbol('enter');

type Answer = string | readonly string[] | vscode.Uri | typeof CANCEL | typeof ENTER;

/**
 * Answers the commands' questions from a script keyed by question id, the
 * way a user would: inputs are checked by the command's own validation, and
 * picks must name an offered item by its label. An unexpected question
 * fails the test instead of hanging it.
 */
export class ScriptedPrompts implements Prompts {
  /** Question ids in the order they were asked. */
  readonly asked: string[] = [];
  /** Labels offered by each pick. */
  readonly offered = new Map<string, string[]>();
  /** What each pick showed beside and under a label, by label: `description | detail` (empty where the item has none). */
  readonly described = new Map<string, Map<string, string>>();
  /** The label each pick focused at first (the first item unless the pick said otherwise; none for a pick with no default). */
  readonly focused = new Map<string, string>();
  /** What each pick said in its input box before anything is typed. */
  readonly placeholders = new Map<string, string>();
  /** The value each input was prefilled with. */
  readonly prefilled = new Map<string, string>();
  /** Each question's place in its command's steps as its title shows it ("2/3"), for those that number them. */
  readonly steps = new Map<string, string>();
  readonly infos: string[] = [];
  /** The buttons each info message offered, in order: `[]` for none. */
  readonly infoActions: (readonly string[])[] = [];
  readonly errors: string[] = [];

  constructor(private readonly answers: Readonly<Record<string, Answer>>) {}

  async input(request: InputRequest): Promise<string | undefined> {
    this.countStep(request);
    if (request.value !== undefined) this.prefilled.set(request.id, request.value);
    const answer = this.answer(request.id);
    if (answer === CANCEL) return undefined;
    if (answer === ENTER) return request.value ?? '';
    if (typeof answer !== 'string') throw new Error(`the answer to "${request.id}" must be text`);
    const problem = request.validate?.(answer);
    if (problem) throw new Error(`the answer "${answer}" to "${request.id}" was refused: ${problem}`);
    return answer;
  }

  async pick<T>(request: PickRequest<T>): Promise<T | undefined> {
    this.countStep(request);
    this.placeholders.set(request.id, request.placeholder);
    this.describe(request);
    const answer = this.answer(request.id, request.items.map((item) => item.label));
    if (answer === CANCEL) return undefined;
    const focused = request.noDefault ? undefined : (request.items.find((candidate) => request.focus !== undefined && candidate.value === request.focus) ?? request.items[0]);
    if (focused) this.focused.set(request.id, focused.label);
    if (answer === ENTER && !focused) throw new Error(`"${request.id}" focuses no item: Enter picks nothing there`);
    const item = answer === ENTER ? focused : request.items.find((candidate) => candidate.label === answer);
    if (!item) throw new Error(`"${String(answer)}" is not offered by "${request.id}"; offered: ${request.items.map((candidate) => candidate.label).join(', ')}`);
    return item.value;
  }

  async pickMany<T>(request: PickRequest<T>): Promise<readonly T[] | undefined> {
    this.placeholders.set(request.id, request.placeholder);
    this.describe(request);
    const answer = this.answer(request.id, request.items.map((item) => item.label));
    if (answer === CANCEL) return undefined;
    if (!Array.isArray(answer)) throw new Error(`the answer to "${request.id}" must be a list of labels`);
    return (answer as readonly string[]).map((label) => {
      const item = request.items.find((candidate) => candidate.label === label);
      if (!item) throw new Error(`"${label}" is not offered by "${request.id}"`);
      return item.value;
    });
  }

  private describe(request: PickRequest<unknown>): void {
    this.described.set(request.id, new Map(request.items.map((item) => [item.label, `${item.description ?? ''} | ${item.detail ?? ''}`])));
  }

  private countStep(request: InputRequest | PickRequest<unknown>): void {
    if (request.step !== undefined && request.totalSteps !== undefined) this.steps.set(request.id, `${request.step}/${request.totalSteps}`);
  }

  async saveFile(request: FileRequest): Promise<vscode.Uri | undefined> {
    return this.fileAnswer(request);
  }

  async openFile(request: FileRequest): Promise<vscode.Uri | undefined> {
    return this.fileAnswer(request);
  }

  async info(message: string, ...actions: string[]): Promise<string | undefined> {
    this.infos.push(message);
    this.infoActions.push(actions);
    // A button is pressed only where the script names one the message offers (answer `info`); otherwise the message is left alone.
    const action = this.answers.info;
    return typeof action === 'string' && actions.includes(action) ? action : undefined;
  }

  async error(message: string): Promise<void> {
    this.errors.push(message);
  }

  private fileAnswer(request: FileRequest): vscode.Uri | undefined {
    const answer = this.answer(request.id);
    if (answer === CANCEL) return undefined;
    if (typeof answer === 'string' || Array.isArray(answer)) throw new Error(`the answer to "${request.id}" must be a URI`);
    return answer as vscode.Uri;
  }

  private answer(id: string, labels?: string[]): Answer {
    this.asked.push(id);
    if (labels) this.offered.set(id, labels);
    if (!(id in this.answers)) throw new Error(`unexpected question "${id}" (asked so far: ${this.asked.join(', ')})`);
    return this.answers[id]!;
  }
}
