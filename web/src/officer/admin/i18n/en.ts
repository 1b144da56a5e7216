import type { Words } from '../../../i18n/en';

/**
 * The officers section's English words (namespace `officerAdmin`). Agencies and gates are the default namespace's
 * (the glossary's TERMS).
 */
export const en = {
  heading: 'Officers at {{gate}}',
  lead: 'The officers posted at this gate. You manage those whose gates are all among yours.',
  loading: 'Loading the officers…',
  empty: 'No officers are posted at this gate.',
  table: {
    caption: 'Officers posted at {{gate}}',
    username: 'Username',
    agency: 'Agency',
    gates: 'Gates',
    state: 'State',
    actions: 'Actions',
    you: '(you)',
    beyond: 'Also posted at {{gates}}: managed by their supervisors.',
  },
  state: {
    active: 'Active',
    disabled: 'Disabled',
    locked: 'Locked until {{time}} (too many failed sign-ins)',
  },
  action: {
    disable: 'Disable',
    enable: 'Enable',
    postings: 'Change postings',
    password: 'Reset password',
    cancel: 'Cancel',
    save: 'Save',
    saving: 'Saving…',
  },
  fields: {
    username: 'Username',
    password: 'Password',
    newPassword: 'New password for {{username}}',
    agency: 'Agency',
    gates: 'Gates',
    usernameHint: '3 to 64 characters: letters, digits, “.”, “_” or “-”.',
    passwordHint: '12 to 128 characters. Give it to the officer in person.',
    gatesHint: 'Only your own gates can be chosen.',
  },
  create: {
    heading: 'New officer',
    button: 'Create officer',
  },
  postings: {
    heading: 'Postings of {{username}}',
  },
  done: {
    created: 'Officer {{username}} was created and can sign in now.',
    disabled: '{{username}} is disabled: their sign-in has ended and they cannot sign in again.',
    enabled: '{{username}} can sign in again.',
    postings: 'The postings of {{username}} were changed.',
    password: 'The password of {{username}} was reset: their earlier sign-ins have ended.',
  },
  errors: {
    AUTH_FORBIDDEN:
      'You cannot do this: the officer is posted at a gate you do not supervise, or it is your own account.',
    AUTH_FORBIDDEN_GATES: 'You cannot do this: it concerns {{gates}}, which you do not supervise.',
    AUTH_TOKEN_INVALID: 'Your sign-in has ended. Sign in again to continue.',
    OFFICER_NOT_FOUND: 'This officer no longer exists. The list has been reloaded.',
    CONFLICT_DUPLICATE: 'This username is already taken. Choose another one.',
    IDEMPOTENCY_IN_FLIGHT: 'The same action is still being done. Wait a moment.',
    IDEMPOTENCY_ANSWER_LOST: 'The action was done but its answer was lost. Look at the list to see the result.',
    invalid: 'Check these fields: {{fields}}.',
    field: {
      username: 'Username (3 to 64 letters, digits, “.”, “_” or “-”)',
      password: 'Password (12 to 128 characters)',
      agency: 'Agency',
      gates: 'Gates (at least one)',
    },
    noGate: 'Choose at least one gate.',
  },
};

export type OfficerAdminWords = Words<typeof en>;
