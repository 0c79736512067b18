//! The PLIE's printed documents (SPEC §5, issue 13), internal profile only:
//! the exit letters of each validated positive exit (`pour: sortie`: one
//! layout to the prescripteur, one to the participant) and the archive-box
//! labels of each archive year (`pour: archive`).
//!
//! Letters go with the parcours's last exit step (the one its file closing
//! and archive follow: an earlier training exit is only linked), once the
//! commission has decided: its commission is in the calendar and held by the
//! build day, or the parcours records it (`sortie.commission`).
//!
//! A box holds the files of one label: carnet.yaml `plie.etiquettes.noms`
//! names, in alphabetical order, split into as many labels as it takes.

use super::{Ctx, FormData, Owner, Record, key};
use crate::form_layout::Target;
use crate::model::parcours::{EtapeType, Parcours};
use crate::view::View;
use crate::view::form_data::*;

/// A parcours's last exit step, once its commission has decided.
fn decided<'a>(ctx: &Ctx, p: &'a Parcours) -> Option<&'a crate::model::parcours::Etape> {
    let recorded = p.sortie.as_ref().is_some_and(|s| s.commission.is_some());
    p.etapes.iter().find(|e| {
        e.sortie.as_ref().is_some_and(|s| {
            s.finale && (recorded || (!s.provisoire && s.commission <= ctx.kit.today))
        })
    })
}

/// The exit letters' data: one per validated positive exit.
pub(super) fn exit_letters(ctx: &Ctx, out: &mut Vec<std::sync::Arc<FormData>>) {
    let kit = ctx.kit;
    for p in &kit.parcours {
        let Some(e) = decided(ctx, p) else { continue };
        let Some(s) = &e.sortie else { continue };
        let person = &kit.personnes[p.personne];
        let sortie = p.sortie.as_ref();
        let prescripteur = p.prescripteur.as_ref();
        let mut inputs = vec![person.file];
        inputs.extend(crate::view::plie::inputs(kit, p.personne));
        inputs.sort_unstable();
        inputs.dedup();
        let form_key = key(Record::Personne, &person.id, None);
        ctx.push(out, Target::Sortie, form_key, inputs, |key, inputs| {
            FormData {
                target: Target::Sortie,
                key,
                label: person.nom_complet(),
                context: FormContext::Sortie(Box::new(SortieForm {
                    common: ctx.common.clone(),
                    personne: ctx.own(p.personne),
                    prescripteur: Prescriber {
                        nom: prescripteur.and_then(|x| x.nom.clone()),
                        adresse: super::address(
                            prescripteur
                                .and_then(|x| x.adresse.clone())
                                .unwrap_or_default(),
                        ),
                    },
                    etape: ExitStep {
                        libelle: s.libelle.clone(),
                        formation: e.type_etape == EtapeType::Formation,
                        emploi: e.type_etape == EtapeType::Emploi,
                        intitule: e.intitule.clone(),
                        metier: e.metier.clone(),
                        contrat: e.contrat.map(|c| contract_words(ctx, c)),
                        operateur: e.operateur.map(|o| kit.operateurs[o].nom.clone()),
                        debut: e.debut,
                        fin: e.rupture.as_ref().and_then(|r| r.fin_reelle).or(e.fin),
                        commission: sortie.and_then(|x| x.commission).unwrap_or(s.commission),
                        date_sortie: sortie.and_then(|x| x.date),
                        motif: sortie.and_then(|x| x.motif.clone()),
                    },
                    signataire: kit.config.plie.signataire.as_ref().map(|s| Signatory {
                        nom: s.nom.clone(),
                        fonction: s.fonction.clone(),
                    }),
                    suivi_par: crate::view::plie::suivi_par(p)
                        .map(|i| kit.personnes[i].nom_complet()),
                    date: sortie.and_then(|x| x.courriers).unwrap_or(kit.today),
                })),
                inputs,
                owners: vec![Owner::Person(p.personne)],
            }
        });
    }
}

/// A contract as the site's pages name it (« CDI », « Contrat aidé »).
fn contract_words(ctx: &Ctx, c: crate::model::parcours::Contrat) -> String {
    use crate::model::parcours::Contrat;
    let key = match c {
        Contrat::Cdi => "plie_contrat_cdi",
        Contrat::Cdd => "plie_contrat_cdd",
        Contrat::Interim => "plie_contrat_interim",
        Contrat::ContratAide => "plie_contrat_contrat_aide",
        Contrat::Professionnalisation => "plie_contrat_professionnalisation",
        Contrat::Apprentissage => "plie_contrat_apprentissage",
    };
    crate::labels::word(ctx.lang, key).to_string()
}

/// The archive labels' data: one sheet per archive year, by year.
pub(super) fn archive_labels(ctx: &Ctx, out: &mut Vec<std::sync::Arc<FormData>>) {
    let kit = ctx.kit;
    let mut years: std::collections::BTreeMap<i32, Vec<usize>> = Default::default();
    for p in &kit.parcours {
        let year = p
            .etapes
            .iter()
            .filter_map(|e| e.sortie.as_ref())
            .find(|s| s.finale)
            .and_then(|s| s.annee_archive);
        if let Some(year) = year {
            years.entry(year).or_default().push(p.personne);
        }
    }
    let per_box = kit.config.plie.etiquettes.noms.max(1) as usize;
    for (annee, mut people) in years {
        people.sort_by_key(|&i| kit.personnes[i].sort_key());
        let names: Vec<String> = people
            .iter()
            .map(|&i| {
                let p = &kit.personnes[i];
                format!("{} {}", p.nom_affiche(), p.prenom_affiche())
            })
            .collect();
        let total = names.len().div_ceil(per_box);
        let etiquettes = names
            .chunks(per_box)
            .enumerate()
            .map(|(n, chunk)| ArchiveLabel {
                annee,
                numero: n + 1,
                total,
                premier: chunk.first().cloned().unwrap_or_default(),
                dernier: chunk.last().cloned().unwrap_or_default(),
                noms: chunk.to_vec(),
            })
            .collect();
        // Every person with an exit of the year: made again each time.
        out.push(std::sync::Arc::new(FormData {
            target: Target::Archive,
            key: format!("{annee}"),
            label: annee.to_string(),
            context: FormContext::Archive(ArchiveForm {
                common: ctx.common.clone(),
                annee,
                dossiers: names.len(),
                etiquettes,
            }),
            inputs: vec![crate::view::plie::calendar_file()],
            owners: vec![Owner::Sorties],
        }));
    }
}

/// Gives the sorties page's rows and the fiches' parcours timelines their
/// links to the exit letters (each letter layout of the row's person).
pub fn link_letters(view: &mut View) {
    let mut letters: std::collections::HashMap<String, Vec<crate::view::Link>> = Default::default();
    for job in &view.forms.jobs {
        let data = &view.forms.forms[job.data];
        if data.target != Target::Sortie {
            continue;
        }
        let Some(id) = data.key.strip_prefix("personne/") else {
            continue;
        };
        letters
            .entry(crate::view::urls::personne(id))
            .or_default()
            .push(crate::view::Link {
                label: view.assets.layouts[job.layout].nom.clone(),
                url: job.path.clone(),
            });
    }
    if let Some(sorties) = &mut view.sorties {
        for ligne in sorties.commissions.iter_mut().flat_map(|c| &mut c.lignes) {
            if ligne.finale {
                ligne.lettres = letters
                    .get(&ligne.personne.url)
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }
    // A fiche shared with the previous view is copied only when its letters differ.
    for person in &mut view.personnes {
        let Some(parcours) = &person.parcours else {
            continue;
        };
        let mine = letters.get(&person.url).map_or(&[][..], Vec::as_slice);
        let finale = |e: &crate::view::plie::EtapeView| e.sortie.as_ref().is_some_and(|s| s.finale);
        if parcours
            .etapes
            .iter()
            .all(|e| !finale(e) || e.lettres == mine)
        {
            continue;
        }
        let person = std::sync::Arc::make_mut(person);
        let Some(parcours) = &mut person.parcours else {
            continue;
        };
        for etape in &mut parcours.etapes {
            if finale(etape) {
                etape.lettres = mine.to_vec();
            }
        }
    }
}
