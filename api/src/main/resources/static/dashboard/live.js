// Live refresh: the incidentsChanged subscription over SSE, one event per change of the
// data; where the server refuses it (an API without subscriptions), polling instead,
// silently: the status line alone says which.
import { INCIDENTS_CHANGED } from './documents.js';
import { subscribe } from './graphql.js';

export const POLL_SECONDS = 60;

export class LiveRefresh {
  constructor(status, refresh) {
    this.status = status;
    this.refresh = refresh;
    this.controller = null;
    this.polling = false;
    this.show('connecting', 'Connecting…', '');
  }

  // (Re)subscribes for the incidents the page shows; polling covers any filter already
  watch(filter) {
    if (this.polling) {
      return;
    }
    if (this.controller) {
      this.controller.abort();
    }
    const controller = new AbortController();
    this.controller = controller;
    subscribe(INCIDENTS_CHANGED, { filter }, {
      signal: controller.signal,
      onOpen: () => this.show('live', 'Live', 'refreshed on every change of the data (incidentsChanged)'),
      onData: () => this.refresh(),
    }).catch((failure) => {
      if (this.controller === controller) {
        this.fallBack(failure);
      }
    });
  }

  fallBack(failure) {
    console.info('dashboard: no live subscription, polling instead:', failure.message);
    this.polling = true;
    this.controller = null;
    this.show('polling', `Refreshed every ${POLL_SECONDS} s`, `no subscription: ${failure.message}`);
    setInterval(() => this.refresh(), POLL_SECONDS * 1000);
  }

  show(mode, text, title) {
    this.status.dataset.mode = mode;
    this.status.textContent = text;
    this.status.title = title;
  }
}
