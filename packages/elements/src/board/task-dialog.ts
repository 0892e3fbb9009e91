import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { TaskStatus } from '@mutual/protocol';
import type { BoardStrings } from './strings.js';
import { MAX_DELIVERABLE_LENGTH, MAX_TITLE_LENGTH, type DraftProblems, type TaskDraft, type TaskField } from './task-form.js';

/** The create/edit dialog while it is open. */
export interface DialogState {
  /** Each opening is a new session: an answer for a closed one must not touch the next. */
  session: number;
  /** The task being edited; undefined when creating one. */
  key?: string | undefined;
  draft: TaskDraft;
  problems: DraftProblems;
  /** Problems show once the person tried to save, not while they type the first time. */
  showProblems: boolean;
  saving: boolean;
  error?: string | undefined;
}

export interface Choice {
  value: string;
  label: string;
}

/** The choices the form offers, worked out by the board. */
export interface DialogChoices {
  /** Groups the viewer may write in (create only: a task stays in its group). */
  groups: Choice[];
  /** The name of the task's group (edit only). */
  groupName: string;
  workstreams: Choice[];
  owners: Choice[];
  statuses: readonly TaskStatus[];
}

export interface DialogHandlers {
  submit: (event: SubmitEvent) => void;
  input: (event: Event) => void;
  cancel: () => void;
}

/**
 * The form of the create/edit dialog: labelled fields, messages under the fields that have a
 * problem (tied with `aria-describedby` and `aria-invalid`), and a failure from the server above
 * the buttons. `novalidate`: the board validates, in the widget's language.
 */
export function renderTaskForm(
  dialog: DialogState,
  choices: DialogChoices,
  handlers: DialogHandlers,
  strings: BoardStrings,
): TemplateResult {
  const { draft } = dialog;
  const problem = (name: TaskField) => (dialog.showProblems ? dialog.problems[name] : undefined);
  const describedBy = (name: TaskField, hint = false) =>
    [hint ? `hint-${name}` : '', problem(name) ? `problem-${name}` : ''].filter(Boolean).join(' ') || nothing;
  const invalid = (name: TaskField) => (problem(name) ? 'true' : nothing);
  const field = (name: TaskField, control: TemplateResult, required = false, hint?: string) => {
    const found = problem(name);
    return html`
      <div part="field" class="field" data-field=${name} ?data-invalid=${found !== undefined}>
        <label for="field-${name}">
          ${strings.fields[name]} ${required ? html`<span class="required">${strings.requiredMark}</span>` : nothing}
        </label>
        ${control}
        ${hint ? html`<p id="hint-${name}" class="hint">${hint}</p>` : nothing}
        ${found
          ? html`<p part="problem" id="problem-${name}" class="problem">
              <span aria-hidden="true">⚠</span> <span class="problem-text">${strings.problem(strings.fields[name], found)}</span>
            </p>`
          : nothing}
      </div>
    `;
  };
  const options = (list: readonly Choice[], selected: string) =>
    list.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === selected}>${choice.label}</option>`);

  return html`
    <form class="form" novalidate @submit=${handlers.submit} @input=${handlers.input} @change=${handlers.input}>
      <h3 part="dialog-title" id="dialog-title" class="dialog-title">${dialog.key ? strings.dialogEdit : strings.dialogCreate}</h3>
      ${field(
        'title',
        html`<input
          id="field-title"
          name="title"
          type="text"
          required
          autofocus
          autocomplete="off"
          maxlength=${MAX_TITLE_LENGTH}
          aria-invalid=${invalid('title')}
          aria-describedby=${describedBy('title')}
          .value=${live(draft.title)}
        />`,
        true,
      )}
      ${dialog.key
        ? html`<p part="field" class="field read-only" data-field="group">
            <span class="label">${strings.fields.group}</span> <span>${choices.groupName}</span>
          </p>`
        : field(
            'group',
            html`<select
              id="field-group"
              name="group"
              required
              aria-invalid=${invalid('group')}
              aria-describedby=${describedBy('group', true)}
              .value=${live(draft.group)}
            >
              ${options(choices.groups, draft.group)}
            </select>`,
            true,
            strings.groupHint,
          )}
      ${field(
        'workstream',
        html`<select
          id="field-workstream"
          name="workstream"
          aria-invalid=${invalid('workstream')}
          aria-describedby=${describedBy('workstream')}
          .value=${live(draft.workstream)}
        >
          ${options(choices.workstreams, draft.workstream)}
        </select>`,
      )}
      ${field(
        'owner',
        html`<select
          id="field-owner"
          name="owner"
          aria-invalid=${invalid('owner')}
          aria-describedby=${describedBy('owner')}
          .value=${live(draft.owner)}
        >
          <option value="" ?selected=${draft.owner === ''}>${strings.noOwner}</option>
          ${options(choices.owners, draft.owner)}
        </select>`,
      )}
      ${field(
        'due',
        html`<input
          id="field-due"
          name="due"
          type="date"
          aria-invalid=${invalid('due')}
          aria-describedby=${describedBy('due')}
          .value=${live(draft.due)}
        />`,
      )}
      ${field(
        'status',
        html`<select id="field-status" name="status" .value=${live(draft.status)}>
          ${options(
            choices.statuses.map((status) => ({ value: status, label: strings.status[status] })),
            draft.status,
          )}
        </select>`,
      )}
      ${field(
        'deliverable',
        html`<textarea
          id="field-deliverable"
          name="deliverable"
          rows="2"
          maxlength=${MAX_DELIVERABLE_LENGTH}
          aria-invalid=${invalid('deliverable')}
          aria-describedby=${describedBy('deliverable')}
          .value=${live(draft.deliverable)}
        ></textarea>`,
      )}
      ${dialog.error ? html`<p class="form-error" role="alert">${dialog.error}</p>` : nothing}
      <div class="dialog-actions">
        <button part="cancel-button" class="quiet" type="button" @click=${handlers.cancel}>${strings.cancel}</button>
        <button part="save-button" class="primary" type="submit" ?disabled=${dialog.saving}>
          ${dialog.saving ? strings.savingChanges : dialog.key ? strings.save : strings.create}
        </button>
      </div>
    </form>
  `;
}
