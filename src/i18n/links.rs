//! Links and addresses: opening and copying a source's address, a link's side pane, the
//! private folder notes windows talk through.
//!
//! Each function is named after its English words and takes the values its messages show.

messages! {
    glose_opens_only_web_addresses =>
        "glose opens only web addresses (http or https); y copies this one",
        "glose n’ouvre que les adresses web (http ou https) ; y copie celle-ci";
    select_annotation_first_tab =>
        "select an annotation first (Tab)",
        "sélectionnez d’abord une annotation (Tab)";
    annotation_cites_no_source =>
        "this annotation cites no source",
        "cette annotation ne cite aucune source";
    source_address_not_one_glose =>
        "this source's address is not one glose opens (http or https only)",
        "glose n’ouvre pas l’adresse de cette source (http ou https seulement)";
    source_has_no_verified_address =>
        "this source has no verified address",
        "cette source n’a pas d’adresse vérifiée";
    no_heading_text(fragment) =>
        "no heading of this text is #{fragment}",
        "aucun titre de ce texte n’est #{fragment}";
    opening =>
        "Opening",
        "Ouverture de";
    address_not_one_glose_opens =>
        "this address is not one glose opens",
        "glose n’ouvre pas cette adresse";
    address_copied_clipboard =>
        "Address copied to the clipboard",
        "Adresse copiée dans le presse-papiers";
    citation_copied_clipboard =>
        "Citation copied to the clipboard",
        "Référence copiée dans le presse-papiers";
    cannot_copy =>
        "cannot copy",
        "copie impossible";
    terminal_cannot_copy_clipboard_osc =>
        "this terminal cannot copy to the clipboard (OSC 52; GLOSE_OSC52=1 to try anyway)",
        "ce terminal ne peut pas copier dans le presse-papiers (OSC 52 ; GLOSE_OSC52=1 pour essayer)";
    cannot_open(url, error) =>
        "cannot open {url}: {error}",
        "impossible d’ouvrir {url} : {error}";
    link =>
        "Link",
        "Lien";
    image_description =>
        "Image (its description)",
        "Image (sa description)";
    address =>
        "Address",
        "Adresse";
    or =>
        " or ",
        " ou ";
    go_heading =>
        "go to this heading",
        "aller à ce titre";
    open_browser =>
        "open it in the browser",
        "l’ouvrir dans le navigateur";
    opens_only_web_addresses =>
        "glose opens only web addresses (http, https).",
        "glose n’ouvre que les adresses web (http, https).";
    copy_address =>
        "copy the address",
        "copier l’adresse";
    next =>
        "next",
        "suivant";
    back =>
        "back",
        "retour";
    not_folder =>
        "it is not a folder",
        "ce n’est pas un dossier";
    symbolic_link =>
        "it is a symbolic link",
        "c’est un lien symbolique";
    no_private_folder_talk_presenter =>
        "no private folder to talk to the presenter through:",
        "aucun dossier privé pour communiquer avec la présentation :";
    nremove_folder_set_glose_runtime =>
        "\nRemove that folder, or set GLOSE_RUNTIME_DIR to a folder of yours with mode 700.",
        "\nSupprimez ce dossier, ou donnez dans GLOSE_RUNTIME_DIR un dossier à vous, de droits 700.";
}

messages! {
    others_can_open(mode) =>
        "other users can open it (mode {mode}; it must be 700)",
        "d’autres utilisateurs peuvent l’ouvrir (droits {mode} ; il faut 700)";
}

messages! {
    cannot_create(path, why) =>
        "cannot create '{path}': {why}",
        "impossible de créer « {path} » : {why}";
}

messages! {
    image =>
        "Image",
        "Image";
}
