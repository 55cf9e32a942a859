// Progressive enhancement of the search page; everything also works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Sort and per-page apply as soon as they change.
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
  for (const button of document.querySelectorAll("form.tools .apply")) {
    button.hidden = true;
  }
  // A facet's filter box narrows its list while typing (diacritics optional).
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  for (const input of document.querySelectorAll("input[data-filter-list]")) {
    const list = document.getElementById(input.dataset.filterList);
    input.addEventListener("input", () => {
      const needle = fold(input.value);
      for (const item of list.children) {
        item.hidden = !fold(item.textContent).includes(needle);
      }
    });
  }
});
