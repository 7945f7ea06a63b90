// Progressive enhancement: a "Copy" button beside each BibTeX block. Without this script the
// block stays readable and selectable and the .bib download links still work.
(function () {
  "use strict";
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand && document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }
  document.querySelectorAll("[data-copy]").forEach(function (holder) {
    var source = document.getElementById(holder.getAttribute("data-copy"));
    if (!source) { return; }
    var button = document.createElement("button");
    var status = document.createElement("span");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy BibTeX";
    status.className = "copy-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      copyText(source.textContent).then(function () {
        status.textContent = "Copied";
      }, function () {
        status.textContent = "Press Ctrl+C to copy";
        window.getSelection().selectAllChildren(source);
      });
      window.setTimeout(function () { status.textContent = ""; }, 4000);
    });
    holder.insertBefore(status, holder.firstChild);
    holder.insertBefore(button, status);
  });
})();
