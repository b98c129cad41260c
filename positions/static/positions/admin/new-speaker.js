'use strict';
// A person added from a form's "Speaker" field comes back from the pop-up with the role
// entered with them and its party: set those fields of the same form too.
{
    const dismiss = window.dismissAddRelatedObjectPopup;
    if (dismiss) {
        window.dismissAddRelatedObjectPopup = function(win, newId, newRepr) {
            const constants = win.document.getElementById('django-admin-popup-response-constants');
            const data = constants ? JSON.parse(constants.dataset.popupResponse) : {};
            // The speaker field's id, e.g. "id_speaker" or "id_positions-2-0-speaker".
            const field = win.name.replace(/__\d+$/, '');
            if (field.endsWith('speaker')) {
                for (const name of ['role', 'party']) {
                    const select = document.getElementById(field.replace(/speaker$/, name));
                    if (data[name] && select && select.nodeName === 'SELECT') {
                        select.add(new Option(data[name].obj, data[name].value, true, true));
                        django.jQuery(select).trigger('change');
                    }
                }
            }
            dismiss(win, newId, newRepr);
        };
    }
}
