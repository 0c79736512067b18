//! Everyday French text that breaks YAML gets a French message naming the
//! cause and the fix, at the exact place: « : » inside an unquoted text,
//! quotes inside a quoted text, no space after a colon, a line indented
//! under a text. Expected places and fixes are written by hand from the input.

mod common;

use common::check;

const ALICE: &str = "data/personnes/durand-alice.yaml";
const EVENT: &str = "data/evenements/atelier-cv.yaml";
const SESSION: &str = "data/sessions/2026-09.yaml";

/// Alice with `extra` from line 4.
fn alice(extra: &str) -> String {
    format!("civilite: Mme\nnom: Durand\nprenom: Alice\n{extra}")
}

/// An event whose line 2 is `titre_line`.
fn event(titre_line: &str) -> String {
    format!("type: atelier\n{titre_line}\ndate: \"2026-09-18\"\n")
}

/// The one error of the run, asserted at `location` with `message` and an
/// expected text holding `fix`.
fn only_error(k: &common::Checked, message: &str, location: &str, fix: &str) {
    assert_eq!(k.errors().len(), 1, "only the real cause:\n{}", k.dump());
    let d = k.error_at(message, location);
    let expected = d.expected.as_deref().unwrap_or_default();
    assert!(expected.contains(fix), "fix {fix:?} in {expected:?}");
}

#[test]
fn a_colon_and_space_inside_an_unquoted_text_says_to_quote_it() {
    let k = check(&[(
        ALICE,
        &alice("situation:\n  commentaire: Bilan : a postulé chez X\n"),
    )]);
    only_error(
        &k,
        "« : » dans le texte de « commentaire » : YAML y voit un nouveau champ",
        &format!("{ALICE}:5:16"),
        "commentaire: \"Bilan : a postulé chez X\"",
    );
    let d = k.find("« : » dans le texte");
    assert_eq!(k.text_of(d), "Bilan : a postulé chez X");
    common::assert_expects(d, "|");
}

#[test]
fn a_double_quote_inside_a_double_quoted_text_says_to_use_single_quotes() {
    let k = check(&[(EVENT, &event("titre: \"Atelier \"CV\" et lettre\""))]);
    only_error(
        &k,
        "guillemet « \" » à l'intérieur d'un texte entre guillemets",
        &format!("{EVENT}:2:8"),
        "titre: 'Atelier \"CV\" et lettre'",
    );
}

#[test]
fn an_apostrophe_inside_a_single_quoted_text_says_to_use_double_quotes() {
    let k = check(&[(EVENT, &event("titre: 'L'atelier du CV'"))]);
    only_error(
        &k,
        "apostrophe à l'intérieur d'un texte entre apostrophes",
        &format!("{EVENT}:2:8"),
        "titre: \"L'atelier du CV\"",
    );
}

#[test]
fn a_missing_space_after_a_colon_is_named_with_the_fix() {
    let k = check(&[(ALICE, "civilite: Mme\nnom:Durand\nprenom: Alice\n")]);
    only_error(
        &k,
        "il manque une espace après « nom: »",
        &format!("{ALICE}:2:1"),
        "« nom: Durand »",
    );
}

#[test]
fn a_missing_space_on_the_first_line_or_nested_is_named_too() {
    let first = check(&[(ALICE, "civilite:Mme\nnom: Durand\nprenom: Alice\n")]);
    only_error(
        &first,
        "il manque une espace après « civilite: »",
        &format!("{ALICE}:1:1"),
        "« civilite: Mme »",
    );
    let nested = check(&[(
        ALICE,
        &alice("adresse:\n  ville: Tours\n  code_postal:\"37000\"\n"),
    )]);
    only_error(
        &nested,
        "il manque une espace après « code_postal: »",
        &format!("{ALICE}:6:3"),
        "« code_postal: \"37000\" »",
    );
}

#[test]
fn a_field_indented_under_a_text_is_named_not_the_colon() {
    let session = "mois: \"2026-09\"\nateliers:\n  - date: \"2026-09-07\"\n    intitule: Accueil\n      cycle: 1\n";
    let k = check(&[(SESSION, session)]);
    only_error(
        &k,
        "ligne plus indentée que « intitule » au-dessus : YAML la lit comme la suite de sa valeur",
        &format!("{SESSION}:5:7"),
        "alignée sur « intitule »",
    );
}

#[test]
fn lines_left_indented_under_a_number_blame_the_lines_not_the_number() {
    // A `presences:` line deleted: the names below `cycle: 1` are read as its value.
    let session = "mois: \"2026-09\"\nateliers:\n  - date: \"2026-09-07\"\n    intitule: Accueil\n    cycle: 1\n      durand-alice: present\n";
    let k = check(&[(SESSION, session)]);
    assert!(
        k.all("n'est pas un nombre entier").is_empty(),
        "no misleading follow-on:\n{}",
        k.dump()
    );
    assert!(
        k.all("n'a pas de cycle").is_empty(),
        "the cycle set aside is not a second problem:\n{}",
        k.dump()
    );
    only_error(
        &k,
        "ligne plus indentée que « cycle » au-dessus",
        &format!("{SESSION}:6:7"),
        "alignée sur « cycle »",
    );
}

#[test]
fn a_list_item_field_out_of_line_is_explained_in_french() {
    let k = check(&[(
        ALICE,
        &alice("etudes:\n  - diplome: CAP Boulanger\n  annee: 2007\n"),
    )]);
    only_error(
        &k,
        "ligne mal alignée dans une liste : un élément « - » était attendu ici",
        &format!("{ALICE}:6:3"),
        "« - » pour commencer un nouvel élément",
    );
}

#[test]
fn each_broken_file_of_a_run_gets_its_message() {
    let k = check(&[
        (ALICE, &alice("situation:\n  commentaire: Bilan : ok\n")),
        (EVENT, &event("titre: \"Atelier \"CV\"\"")),
    ]);
    assert_eq!(k.errors().len(), 2, "{}", k.dump());
    k.error_at(
        "« : » dans le texte de « commentaire »",
        &format!("{ALICE}:5:16"),
    );
    k.error_at("guillemet « \" » à l'intérieur", &format!("{EVENT}:2:8"));
}

#[test]
fn a_text_cut_by_a_hash_is_a_warning_at_the_hash() {
    let k = check(&[(EVENT, &event("titre: Atelier #2 : le CV"))]);
    let d = k.warning_at(
        "texte coupé à « # » : YAML lit « Atelier » et prend la suite de la ligne pour un commentaire",
        &format!("{EVENT}:2:16"),
    );
    assert_eq!(k.text_of(d), "#2 : le CV");
    assert_eq!(
        d.expected.as_deref(),
        Some(
            "la valeur entre guillemets : titre: \"Atelier #2 : le CV\", ou le commentaire sur sa propre ligne"
        )
    );
    k.assert_no_error();
}

#[test]
fn a_hash_cutting_a_list_item_is_a_warning_too() {
    let k = check(&[(
        EVENT,
        &format!(
            "{}intervenants:\n  - Jean Dupont #formateur\n",
            event("titre: Atelier CV")
        ),
    )]);
    k.warning_at("YAML lit « Jean Dupont »", &format!("{EVENT}:5:17"));
}

#[test]
fn a_comment_with_one_space_before_it_is_a_warning_even_if_meant() {
    let k = check(&[(
        EVENT,
        &format!(
            "{}lieu: Salle des fêtes # à confirmer\n",
            event("titre: Atelier CV")
        ),
    )]);
    k.warning_at("YAML lit « Salle des fêtes »", &format!("{EVENT}:4:23"));
}

#[test]
fn a_quoted_hash_a_comment_line_a_comment_after_a_number_or_set_apart_warn_nothing() {
    let k = check(&[(
        EVENT,
        "# L'atelier du mois\ntype: atelier\ntitre: \"Atelier #2 : le CV\" # le deuxième\ndate: \"2026-09-18\"\nphotos: false # pas d'accord signé\nlieu: Salle des fêtes    # à confirmer\n  # suite du commentaire\nintervenants: [] # personne\n",
    )]);
    k.assert_clean();
}

#[test]
fn text_after_a_closing_quote_says_to_quote_the_whole_value() {
    let k = check(&[(EVENT, &event("titre: \"CV\" et lettre"))]);
    only_error(
        &k,
        "du texte suit le guillemet fermant : seul le texte entre les guillemets est lu",
        &format!("{EVENT}:2:8"),
        "titre: '\"CV\" et lettre'",
    );
}

#[test]
fn a_quote_left_open_is_shown_on_its_own_line_not_where_yaml_stops() {
    // YAML reads « Durand », « prenom: Alice » and « telephone: » as one text,
    // closed by the quote that opens the phone number, and stops on line 5.
    let k = check(&[(
        ALICE,
        "civilite: Mme\nnom: \"Durand\nprenom: Alice\ntelephone: \"06 12 34 56 78\"\nemail: alice@example.org\n",
    )]);
    only_error(
        &k,
        "guillemet ouvrant sans guillemet fermant sur sa ligne : YAML lit la suite comme le texte de « nom », jusqu'au guillemet de la ligne 4",
        &format!("{ALICE}:2:6"),
        "nom: \"Durand\"",
    );
}

#[test]
fn a_list_item_with_a_colon_is_a_text_to_quote_not_an_unknown_field() {
    let k = check(&[(
        EVENT,
        &format!(
            "{}participants:\n  - Jean Dupont : formateur\n",
            event("titre: Atelier CV")
        ),
    )]);
    assert!(k.all("champ inconnu").is_empty(), "{}", k.dump());
    only_error(
        &k,
        "« : » dans le texte « Jean Dupont : formateur » : YAML y voit un champ « Jean Dupont »",
        &format!("{EVENT}:5:5"),
        "- \"Jean Dupont : formateur\"",
    );
}
