// Bring the highlighted evidence span into view even when the page was opened without #span.
(function () {
  var span = document.getElementById("span");
  if (span && window.location.hash !== "#span") { span.scrollIntoView({block: "center"}); }
})();
