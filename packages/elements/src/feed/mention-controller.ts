import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { revealToString, RevealScope } from '../text/invisible.js';
import type { Member } from './member-directory.js';
import { insertMention, matchMembers, mentionQueryAt, type MentionQuery } from './mentions.js';

export interface MentionControllerOptions {
  /** The group's members, or undefined while they load. */
  members: () => readonly Member[] | undefined;
  /** For sorting names. */
  locale: () => string;
  /** True for a person of another organisation than the viewer's. */
  isExternal: (member: Member) => boolean;
}

export interface MentionListStrings {
  mentionSuggestions: string;
  external: string;
}

interface Open {
  input: HTMLTextAreaElement;
  listbox: string;
  query: MentionQuery;
  choices: Member[];
  index: number;
}

/**
 * Suggests people to mention while `@name` is typed in a text area, following the ARIA combobox
 * pattern: the text area is the combobox (`aria-expanded`, `aria-controls`, `aria-activedescendant`),
 * the suggestions a listbox beside it. Arrow keys move, Enter or Tab picks, Escape closes; picking
 * inserts `@name@domain `. One text area at a time (the one being typed in).
 *
 * Each text area renders its combobox attributes itself (from {@link expanded} and
 * {@link activeDescendant}) and calls {@link onInput}, {@link onKeyup}, {@link onKeydown} and
 * {@link close}; the element renders {@link renderListbox} next to it.
 */
export class MentionController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: MentionControllerOptions;
  #open: Open | undefined;
  /** Typed while the members were loading: shown once they are there. */
  #waiting: { input: HTMLTextAreaElement; listbox: string } | undefined;

  constructor(host: ReactiveControllerHost, options: MentionControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#open = undefined;
    this.#waiting = undefined;
  }

  /** True when the listbox `listbox` is showing suggestions. */
  expanded(listbox: string): boolean {
    return this.#open?.listbox === listbox;
  }

  /** The id of the highlighted suggestion of `listbox`, for `aria-activedescendant`. */
  activeDescendant(listbox: string): string | undefined {
    const open = this.#open;
    return open?.listbox === listbox ? optionId(listbox, open.index) : undefined;
  }

  /** On `input` and on caret moves (`click`, `keyup` of arrows): open, filter or close. */
  readonly onInput = (event: Event): void => {
    const input = event.currentTarget as HTMLTextAreaElement;
    const listbox = input.getAttribute('aria-controls');
    if (listbox) this.#update(input, listbox);
  };

  readonly onKeyup = (event: KeyboardEvent): void => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) this.onInput(event);
  };

  /** Handles the keys of an open listbox; returns true when the key was for it. */
  onKeydown(event: KeyboardEvent): boolean {
    const open = this.#open;
    if (!open || event.currentTarget !== open.input || event.isComposing) return false;
    const count = open.choices.length;
    switch (event.key) {
      case 'ArrowDown':
        open.index = (open.index + 1) % count;
        break;
      case 'ArrowUp':
        open.index = (open.index - 1 + count) % count;
        break;
      case 'Enter':
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return false;
        this.#pick(open.index);
        break;
      case 'Tab':
        if (event.shiftKey) return false;
        this.#pick(open.index);
        break;
      case 'Escape':
        // Only the listbox closes, not the reply box around it.
        event.stopPropagation();
        this.close();
        break;
      default:
        return false;
    }
    event.preventDefault();
    this.#host.requestUpdate();
    return true;
  }

  /** Closes the suggestions (on blur, on send). */
  readonly close = (): void => {
    this.#waiting = undefined;
    if (!this.#open) return;
    this.#open = undefined;
    this.#host.requestUpdate();
  };

  /** The members arrived (or changed): show what was waiting for them. */
  refresh(): void {
    const target = this.#open ?? this.#waiting;
    if (target && (target.input.getRootNode() as Document | ShadowRoot).activeElement === target.input) {
      this.#update(target.input, target.listbox);
    }
  }

  renderListbox(listbox: string, strings: MentionListStrings): TemplateResult {
    const open = this.#open?.listbox === listbox ? this.#open : undefined;
    return html`<ul
      part="mention-list"
      class="mention-list"
      role="listbox"
      id=${listbox}
      aria-label=${strings.mentionSuggestions}
      ?hidden=${!open}
    >
      ${open
        ? open.choices.map((member, index) => {
            const external = this.#options.isExternal(member);
            return html`<li
              part="mention-option"
              class="mention-option"
              role="option"
              id=${optionId(listbox, index)}
              aria-selected=${index === open.index ? 'true' : 'false'}
              data-person=${member.id}
              @mousedown=${(event: Event) => event.preventDefault()}
              @click=${() => this.#pick(index)}
            >
              <span class="mention-option-name">${revealToString(member.name, RevealScope.all)}</span>
              <span class="mention-option-id">${member.id}</span>
              ${external ? html`<span class="badge">${strings.external}</span>` : nothing}
            </li>`;
          })
        : nothing}
    </ul>`;
  }

  #update(input: HTMLTextAreaElement, listbox: string): void {
    const caret = input.selectionStart === input.selectionEnd ? input.selectionStart : null;
    const query = caret === null ? undefined : mentionQueryAt(input.value, caret);
    const members = this.#options.members();
    const wasOpen = this.#open !== undefined;
    this.#waiting = undefined;
    if (!query) {
      this.#open = undefined;
    } else if (!members) {
      this.#open = undefined;
      this.#waiting = { input, listbox };
    } else {
      const choices = matchMembers(members, query.query, this.#options.locale());
      const previous = this.#open?.input === input ? this.#open.choices[this.#open.index]?.id : undefined;
      const kept = choices.findIndex((member) => member.id === previous);
      this.#open = choices.length > 0 ? { input, listbox, query, choices, index: Math.max(0, kept) } : undefined;
    }
    if (wasOpen || this.#open) this.#host.requestUpdate();
  }

  #pick(index: number): void {
    const open = this.#open;
    const member = open?.choices[index];
    if (!open || !member) return;
    const caret = open.input.selectionStart ?? open.input.value.length;
    const next = insertMention(open.input.value, open.query, caret, member.id);
    this.#open = undefined;
    open.input.value = next.value;
    open.input.setSelectionRange(next.caret, next.caret);
    // As if typed: the element keeps its draft in step, and the query is gone, so nothing reopens.
    open.input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    open.input.focus();
    this.#host.requestUpdate();
  }
}

function optionId(listbox: string, index: number): string {
  return `${listbox}-option-${index}`;
}
