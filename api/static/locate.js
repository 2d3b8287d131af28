// Fills the location from the browser when asked; the form works without it (the button stays
// hidden without JavaScript or geolocation). A refusal, or a position that cannot be found, is
// said next to the button, in the page's language.
(function () {
  var b = document.getElementById("locate");
  var status = document.getElementById("locate-status");
  if (!b || !status || !navigator.geolocation) return;
  b.hidden = false;
  b.addEventListener("click", function () {
    status.textContent = "";
    navigator.geolocation.getCurrentPosition(
      function (p) {
        document.getElementById("lat").value = p.coords.latitude.toFixed(5);
        document.getElementById("lon").value = p.coords.longitude.toFixed(5);
        status.textContent = b.dataset.found;
      },
      function () {
        status.textContent = b.dataset.refused;
      },
      { timeout: 15000 }
    );
  });
})();
