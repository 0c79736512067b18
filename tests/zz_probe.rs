mod common;
#[test]
fn probe() {
    let cases: &[(&str, &str)] = &[
        (
            "data/personnes/a.yaml",
            "civilite: Mme\nnom: A\nprenom: B\ninscriptions: s-2026-09\n",
        ),
        (
            "data/personnes/b.yaml",
            "civilite: Mme\nnom: A\nprenom: B\nparrainage: martin\n",
        ),
        (
            "data/personnes/c.yaml",
            "civilite: Mme\nnom: A\nprenom: B\nroles: stagiaire\n",
        ),
        (
            "data/personnes/d.yaml",
            "civilite: Mme\nnom: A\nprenom: B\nnom: C\n",
        ),
        (
            "data/personnes/e.yaml",
            "civilite: Mme\nnom: A\nprenom: [B\n",
        ),
        (
            "data/personnes/f.yaml",
            "civilite: Mme\nnom: A\nprenom: B\nannuaire:\n  email: peut-etre\n",
        ),
        (
            "data/personnes/g.yaml",
            "civilite: Mme\nnom: A\nprenom: B\nannuaire:\n  email: no\n",
        ),
        (
            "data/personnes/h.yaml",
            "civilite: Mme\nnom: A\nprenom: B\netudes:\n  - annee: deux-mille\n",
        ),
        ("data/personnes/i.yaml", "- a\n- b\n"),
        (
            "data/personnes/j.yaml",
            "civilite: Mme\nnom: A\nprenom: B\n---\nnom: C\n",
        ),
        (
            "data/personnes/k.yaml",
            "civilite: Mme\nnom: A\n prenom: B\n",
        ),
        (
            "data/personnes/l.yaml",
            "civilite: Mme\nnom: A\nprenom: B\nsituation:\n  emploi: oui\n",
        ),
        (
            "data/personnes/m.yaml",
            "civilite: Mme\nnom: A\nprenom: B\ntelephone: [1]\n",
        ),
        (
            "data/personnes/n.yaml",
            "civilite: Mme\nnom: A\nprenom: B\nemail: \"unterminated\n",
        ),
        (
            "data/personnes/o.yaml",
            "civilite: Mme\nnom: ~\nprenom: B\n",
        ),
        ("data/personnes/p.yaml", "just a string\n"),
        (
            "data/personnes/q.yaml",
            "civilite: Mme\nnom: A\nprenom: B\ntelephone: 06 12 34 56 78\nmobile: +33612345678\nemail: 12\n",
        ),
        (
            "data/sessions/s.yaml",
            "mois: \"2026-09\"\nnumero: douze\nateliers:\n  - date: 2026-09-10\n    cycle: un\n",
        ),
        (
            "data/sessions/t.yaml",
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-10\n    cycle: 1\n    presences: [a, b]\n",
        ),
        (
            "data/sessions/u.yaml",
            "mois: \"2026-09\"\nateliers:\n  - date: 2026-09-10\n    cycle: 1\n    presences:\n      a:\n        statut: present\n        note: x\n",
        ),
        (
            "data/evenements/e.yaml",
            "titre: T\ndate: 2026-09-10\nparticipants:\n  - personne: a\n    presnt: true\n",
        ),
        (
            "data/evenements/f.yaml",
            "titre: T\ndate: 2026-09-10\nparticipants:\n  - [a]\n",
        ),
        (
            "data/personnes/r.yaml",
            "civilite: Mme\nnom: A\nprenom: B\nadresse:\n  code_postal: 07000\n  ville: 75\n",
        ),
        (
            "data/personnes/s.yaml",
            "civilite: Mme\nnom: A\nprenom: B\nunknown: &a [1]\nx: *a\n",
        ),
        (
            "data/personnes/t.yaml",
            "civilite: Mme\r\nnom: A\r\nprenom: B\r\ntel: 1\r\n",
        ),
        (
            "data/personnes/u.yaml",
            "\u{feff}civilite: Mme\nnom: A\nprenom: B\ntel: 1\n",
        ),
        (
            "data/personnes/v.yaml",
            "civilite: Mme\nnom: A\nprenom: B\nétat: 1\n",
        ),
        (
            "data/personnes/w.yaml",
            "civilite:\tMme\nnom: A\nprenom: B\n",
        ),
    ];
    for (path, content) in cases {
        let k = common::check(&[(*path, *content)]);
        for d in &k.diagnostics {
            println!(
                "{} {:?} [{}]",
                d.one_line(&k.kit.sources),
                d.severity,
                k.text_of(d)
            );
        }
        if let Some(p) = k.kit.personnes.first() {
            println!(
                "   -> {:?} {:?} {:?} {:?} {:?}",
                p.nom, p.prenom, p.telephone, p.mobile, p.email
            );
        }
        if let Some(p) = k.kit.personnes.first() {
            println!("   -> {:?} {:?}", p.adresse, p.annuaire);
        }
        println!("----");
    }
}
