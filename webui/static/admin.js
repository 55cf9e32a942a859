// The admin job page follows its job without reloading: while the job runs, its figures, state
// and log tails are fetched (the page's .json) every 2 seconds. Text only: nothing from the
// server is ever parsed as HTML. Without JavaScript the page refreshes itself instead.
document.addEventListener("DOMContentLoaded", () => {
  const job = document.getElementById("job");
  if (!job || !job.dataset.poll || job.dataset.running !== "yes") {
    return;
  }
  const INTERVAL = 2000;
  const when = (moment) => (moment || "").slice(0, 19).replace("T", " ");
  const setText = (element, text) => {
    if (element && element.textContent !== text) {
      element.textContent = text;
    }
  };
  const show = (element, visible) => {
    if (element) {
      element.hidden = !visible;
    }
  };

  function render(data) {
    const state = document.getElementById("job-state");
    setText(state, data.state_label);
    state.className = "state-" + data.state;
    job.dataset.running = data.running ? "yes" : "no";
    for (const field of ["started", "updated", "finished"]) {
      setText(job.querySelector(`[data-field="${field}"]`), when(data[field]));
    }
    for (const cell of job.querySelectorAll("[data-figure]")) {
      const value = data.figures[cell.dataset.figure];
      setText(cell, value === null || value === undefined ? "–" : String(value));
    }
    const kinds = Object.entries(data.errors_by_kind || {});
    setText(job.querySelector('[data-field="errors_by_kind"]'), kinds.map(([k, v]) => `${k} ${v}`).join(", "));
    show(document.getElementById("job-errors-by-kind"), kinds.length > 0);
    const cancelRequest = document.getElementById("job-cancel-request");
    setText(cancelRequest, data.cancel_text || "");
    show(cancelRequest, Boolean(data.cancel_text));
    const error = document.getElementById("job-error");
    setText(error, data.error || "");
    show(error, Boolean(data.error));
    const log = document.getElementById("job-log");
    if (data.log) {
      setText(log, data.log);
    }
    setText(document.getElementById("job-output"), data.output || "");
    show(document.getElementById("job-output-section"), Boolean(data.output));
    show(document.getElementById("job-cancel"), data.cancellable);
    show(document.getElementById("job-live"), data.running);
  }

  let timer = null;
  async function poll() {
    try {
      const response = await fetch(job.dataset.poll, {
        headers: {Accept: "application/json"}, credentials: "same-origin", cache: "no-store",
      });
      if (response.ok) {
        const data = await response.json();
        render(data);
        if (!data.running) {
          return;  // finished, failed, cancelled or interrupted: nothing more will change
        }
      } else if (response.status === 401 || response.status === 404) {
        return;  // signed out or gone: stop asking
      }
    } catch (err) {
      // a network hiccup or a restarting server: try again at the next tick
    }
    timer = setTimeout(poll, INTERVAL);
  }
  timer = setTimeout(poll, INTERVAL);
});
