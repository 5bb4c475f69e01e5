// The Plugins page: reads the chosen jar in the browser and puts it, base64, in the form's hidden
// field, so the upload is an ordinary bounded form post. A file script, as the page's CSP asks.
(function () {
  function wire() {
    var input = document.getElementById('pluginJar');
    if (!input || input.dataset.wired) {
      return;
    }
    input.dataset.wired = 'true';
    input.addEventListener('change', function () {
      var data = document.getElementById('upload:jarData');
      var name = document.getElementById('upload:jarName');
      var file = input.files && input.files[0];
      data.value = '';
      name.value = file ? file.name : '';
      if (!file) {
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        data.value = reader.result;
      };
      reader.readAsDataURL(file);
    });
  }
  document.addEventListener('DOMContentLoaded', wire);
  document.addEventListener('pfAjaxComplete', wire);
  if (window.jQuery) {
    window.jQuery(document).on('pfAjaxComplete', wire);
  }
  wire();
})();
