// Registers <tote-account>. The drop-in script loads this (and the account session, in a file of
// their own) when the tag first appears: no other page downloads them.
import { defineElement } from '../../dom/define-element.js';
import { ToteAccount } from './account.js';

defineElement('tote-account', ToteAccount);
