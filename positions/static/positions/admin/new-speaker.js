'use strict';
// A person added from a position's "Speaker" field: besides the speaker, set the role and
// party fields of the same form to the role entered with the person.
{
    const data = JSON.parse(document.getElementById('django-admin-popup-response-constants').dataset.popupResponse);
    // The speaker field's id, e.g. "id_speaker" or "id_positions-2-0-speaker".
    const field = window.name.replace(/__\d+$/, '');
    if (data.action === undefined && field.endsWith('speaker')) {
        for (const name of ['role', 'party']) {
            const select = opener.document.getElementById(field.replace(/speaker$/, name));
            if (data[name] && select && select.nodeName === 'SELECT') {
                select.add(new opener.Option(data[name].obj, data[name].value, true, true));
                opener.django.jQuery(select).trigger('change');
            }
        }
    }
    switch (data.action) {
    case 'change':
        opener.dismissChangeRelatedObjectPopup(window, data.value, data.obj, data.new_value);
        break;
    case 'delete':
        opener.dismissDeleteRelatedObjectPopup(window, data.value);
        break;
    default:
        opener.dismissAddRelatedObjectPopup(window, data.value, data.obj);
    }
}
