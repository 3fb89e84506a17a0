//! The room: the presenter's room screen, the voters' page, the follower, polls and results.
//!
//! Each function is named after its English words and takes the values its messages show.

use super::Lang;

messages! {
    room_lost_reconnecting =>
        "room lost, reconnecting…",
        "salle perdue, reconnexion…";
    waiting_facilitator =>
        "waiting for the facilitator",
        "en attente de l’animateur";
    room =>
        "with the room",
        "avec la salle";
    your_guess_enter_sends_esc(typed, send, cancel) =>
        "Your guess: {typed}▏ ({send} sends, {cancel} cancels)",
        "Votre estimation\u{a0}: {typed}▏ ({send} envoie, {cancel} annule)";
    not_following_room_rejoin(rejoin) =>
        "not following the room — {rejoin} to rejoin",
        "vous ne suivez plus la salle — {rejoin} pour la rejoindre";
    give_number_from(min, max) =>
        "give a number from {min} to {max}",
        "donnez un nombre de {min} à {max}";
    median_heading =>
        "Median",
        "Médiane";
    the_answer =>
        "the answer",
        "la réponse";
    the_answer_heading =>
        "The answer",
        "La réponse";
    your_guess =>
        "Your guess",
        "Votre estimation";
    median =>
        "median",
        "médiane";
    vote_opens_when_room_stop =>
        "(the vote opens when the room is on this stop)",
        "(le vote s’ouvre quand la salle est à cette étape)";
    guess(unit, min, max) =>
        "Guess ({unit}, {min} to {max})",
        "Estimation ({unit}, de {min} à {max})";
    guess_type_number_then_enter(unit, min, max) =>
        "Guess ({unit}, {min} to {max}) — type a number, then Enter",
        "Estimation ({unit}, de {min} à {max}) — tapez un nombre, puis Entrée";
    not_room_address_copy_from(shown) =>
        "'{shown}' is not a room address: copy it from the presenter's screen, e.g. \
             http://192.168.1.20:7878/K7Q2MD",
        "« {shown} » n’est pas une adresse de salle : recopiez-la depuis l’écran de la \
             présentation, par exemple http://192.168.1.20:7878/K7Q2MD";
    cannot_draw_room_code_system =>
        "cannot draw a room code: the system gives no random numbers",
        "impossible de tirer un code de salle : le système ne donne pas de nombres aléatoires";
    not_address_listen_give_port(given) =>
        "'{given}' is not an address to listen on: give a port (7878), or an \
                         address and a port (127.0.0.1:7878, 0.0.0.0:7878)",
        "« {given} » n’est pas une adresse d’écoute : donnez un port (7878), ou \
                         une adresse et un port (127.0.0.1:7878, 0.0.0.0:7878)";
    screen_paused =>
        "The screen is paused.",
        "L’écran est en pause.";
    stop =>
        "Stop",
        "Étape";
    source =>
        "Source:",
        "Source\u{a0}:";
    your_answer =>
        "Your answer",
        "Votre réponse";
    send =>
        "Send",
        "Envoyer";
    answers =>
        "answers",
        "réponses";
    your_answer_colon =>
        "Your answer:",
        "Votre réponse\u{a0}:";
    results =>
        "Results",
        "Résultats";
    no_votes_yet =>
        "No votes yet.",
        "Aucun vote pour l’instant.";
    answer_heading =>
        "Answer",
        "Réponse";
    stop_title_answer_votes =>
        "stop,title,answer,votes",
        "étape,titre,réponse,votes";
    vote_closed_facilitator_has_moved =>
        "This vote is closed: the facilitator has moved on.",
        "Ce vote est clos\u{a0}: l’animateur est passé à la suite.";
    vote_closed_answer_shown =>
        "This vote is closed: the answer is shown.",
        "Ce vote est clos\u{a0}: la réponse est affichée.";
    there_no_vote_now =>
        "There is no vote now.",
        "Il n’y a pas de vote en ce moment.";
    answer_not_one_choices =>
        "This answer is not one of the choices.",
        "Cette réponse ne fait pas partie des choix.";
    vote_counted =>
        "Vote counted.",
        "Vote compté.";
    too_many_votes_once_wait =>
        "Too many votes at once: wait a second.",
        "Trop de votes à la fois\u{a0}: attendez une seconde.";
    vote_full =>
        "This vote is full.",
        "Ce vote est complet.";
    room_presents_another_text_open =>
        "this room presents another text: open the same one, e.g. glose follow URL FOLDER",
        "cette salle présente un autre texte : ouvrez le même, par exemple glose follow \
                 URL DOSSIER";
    no_random_numbers_voter_id =>
        "no random numbers for a voter id",
        "pas de nombres aléatoires pour un identifiant de vote";
    glose_present_room_closed_votes(shown) =>
        "glose present: the room is closed; its votes are in {shown} (glose export --results)",
        "glose present : la salle est fermée ; ses votes sont dans {shown} (glose export --results)";
    no_room_answers_check_address(base, why) =>
        "no room answers at {base} ({why}): check the address on the presenter's \
                     screen, and that you are on the same network",
        "aucune salle ne répond à {base} ({why}) : vérifiez l’adresse sur l’écran \
                     de la présentation, et que vous êtes sur le même réseau";
    there_no_room_check_room(base) =>
        "there is no room at {base}: check the room code (the letters after the last /)",
        "il n’y a pas de salle à {base} : vérifiez le code de la salle (les lettres \
                     après le dernier /)";
    no_room_open_start_glose =>
        "No room is open: start with glose present --room",
        "Aucune salle n’est ouverte : lancez glose present --room";
    join_room =>
        "Join the room",
        "Rejoindre la salle";
    browser_type_address_scan_code =>
        "In a browser: type the address, or scan the code.",
        "Dans un navigateur : tapez l’adresse, ou scannez le code.";
    any_key_back_stop =>
        "Any key: back to the stop",
        "Une touche\u{a0}: retour à l’étape";
}

/// The words the room's page and its script use, by the name the script knows them by.
pub fn page_labels(lang: Lang) -> [(&'static str, &'static str); 12] {
    let pick = |en, fr| lang.pick(en, fr);
    [
        ("stop", pick("Stop", "Étape")),
        ("questions", pick("Questions", "Questions")),
        ("vote", pick("Your answer", "Votre réponse")),
        ("send", pick("Send", "Envoyer")),
        ("chosen", pick("Your answer:", "Votre réponse\u{a0}:")),
        ("verdict", pick("Verdict", "Verdict")),
        ("source", pick("Source:", "Source\u{a0}:")),
        ("answers", pick("answers", "réponses")),
        ("median", pick("median", "médiane")),
        ("answer", pick("the answer", "la réponse")),
        (
            "paused",
            pick("The screen is paused.", "L’écran est en pause."),
        ),
        (
            "waiting",
            pick(
                "Connection lost, trying again…",
                "Connexion perdue, nouvel essai…",
            ),
        ),
    ]
}

messages! {
    verdict =>
        "Verdict",
        "Verdict";
    votes =>
        "Votes",
        "Votes";
    vote =>
        "Vote",
        "Vote";
    stops_behind(stops, rejoin) =>
        "{stops} behind — {rejoin} to rejoin",
        "{stops} de retard — {rejoin} pour rejoindre";
    stops_ahead(stops, rejoin) =>
        "{stops} ahead — {rejoin} to rejoin",
        "{stops} d’avance — {rejoin} pour rejoindre";
    press_one_to(count) =>
        "press 1 to {count}",
        "tapez de 1 à {count}";
    vote_press_one_to(count) =>
        "Vote — press 1 to {count}",
        "Vote — tapez de 1 à {count}";
    port_in_use(addr) =>
        "cannot open the room on {addr}: that port is in use (another glose present \
         --room?); give another one, e.g. --room 0.0.0.0:7879",
        "impossible d’ouvrir la salle sur {addr} : ce port est déjà pris (un autre \
         glose present --room ?) ; donnez-en un autre, par exemple --room 0.0.0.0:7879";
    cannot_open_room(addr, error) =>
        "cannot open the room on {addr}: {error}",
        "impossible d’ouvrir la salle sur {addr} : {error}";
    in_a_terminal(join) =>
        "In a terminal: glose follow {join}",
        "Dans un terminal\u{a0}: glose follow {join}";
}
