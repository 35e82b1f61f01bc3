// Checks the chosen photo's size and type before the form is sent (the server checks again); without
// JavaScript the form works the same, the check then comes after sending.
(function () {
  var input = document.getElementById('photo');
  var note = document.getElementById('photo-periksa');
  if (!input || !note) { return; }
  var limit = parseInt(note.getAttribute('data-batas'), 10);
  var types = ['image/jpeg', 'image/png', 'image/webp'];
  function check() {
    var file = input.files && input.files[0];
    var problem = '';
    if (file && types.indexOf(file.type) < 0) { problem = note.getAttribute('data-jenis'); }
    else if (file && file.size > limit) { problem = note.getAttribute('data-pesan'); }
    note.textContent = problem;
    note.hidden = !problem;
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    input.setAttribute('aria-describedby', problem ? 'photo-petunjuk photo-periksa' : 'photo-petunjuk');
    return !problem;
  }
  input.addEventListener('change', check);
  input.form.addEventListener('submit', function (event) {
    if (!check()) { event.preventDefault(); input.focus(); }
  });
})();
