/* Tollgate console: the little behaviour PrimeFaces does not provide. */
var Tollgate = {

    /** "Filter Results": shows or hides the filter row; hiding it also clears the filters it holds. */
    toggleFilters: function (button) {
        var panel = document.getElementById('tokens-panel');
        var shown = panel.classList.toggle('filters-shown');
        button.setAttribute('aria-pressed', String(shown));
        if (shown) {
            var first = panel.querySelector('.ui-column-filter');
            if (first) {
                first.focus();
            }
        } else if (Array.prototype.some.call(panel.querySelectorAll('.ui-filter-column input, .ui-filter-column select'),
                function (field) { return field.value; })) {
            PF('tokens').clearFilters();
        }
    },

    /** Whether an AJAX request went wrong: rules broken (messages show why) or a failure the console reported. */
    failed: function (args) {
        return (args && args.validationFailed) || $('.console-failure').is(':visible');
    },

    /** Opens a dialog once the request that filled it has succeeded. */
    show: function (widgetVar, args) {
        if (!Tollgate.failed(args)) {
            PF(widgetVar).show();
        }
    },

    /** After Submit in the token form (or another dialog): close it, and show the new value once if one was saved. */
    afterSubmit: function (args, widgetVar) {
        if (!Tollgate.failed(args)) {
            PF(widgetVar || 'tokenDialog').hide();
            if (args && args.oneTimeValue) {
                PF('oneTimeDialog').show();
            }
        }
    },

    focus: function (id) {
        var field = document.getElementById(id);
        if (field) {
            field.focus();
            field.select();
        }
    },

    /** Copies a field's text; falls back to selecting and copying where the Clipboard API is unavailable (http). */
    copy: function (id) {
        var field = document.getElementById(id);
        var status = document.getElementById('copy-status');
        var done = function () { status.textContent = 'Copied to the clipboard.'; };
        var fallback = function () {
            field.focus();
            field.select();
            status.textContent = document.execCommand('copy') ? 'Copied to the clipboard.'
                : 'Press Ctrl+C (or ⌘C) to copy the selected token.';
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(field.value).then(done, fallback);
        } else {
            fallback();
        }
    },

    /** Drops a shown secret from the page before its dialog closes; the server then renders the form again, empty. */
    forget: function (id) {
        var field = document.getElementById(id);
        if (field) {
            field.value = '';
            field.removeAttribute('value');
        }
        PF('oneTimeDialog').hide();
    }
};
