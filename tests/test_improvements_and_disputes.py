"""Issue 12, improvements and disputes: the exclusive grant-back (licence and joint R&D) and its findings, the
joint R&D's grant-back findings, the narrowed JRD definition of Improvements, and the mediation period."""


import pytest

from conftest import example_with
from ipclauses import SpecError, check, load_spec
from ipclauses.agreement import plain
from ipclauses.draft import make_draft
from ipclauses.locales import get_locale


def _data(example: str, **changes) -> dict:
    return example_with(example, **changes)


def _spec(example: str, **changes):
    return load_spec(_data(example, **changes))


def _article(spec, clause_id: str, lang=None) -> str:
    draft = make_draft(spec, lang=lang)
    article = next(a for a in draft.agreement.articles if a.clause_id == clause_id)
    return "\n".join(plain(p.segments) + " " + " ".join(plain(i.segments) for i in p.items) for p in article.paragraphs)


def _summary(spec, lang=None) -> str:
    return make_draft(spec, lang=lang).summary.text()


def _findings(spec, check_id):
    return [f for f in check(spec) if f.id == check_id]


def _refusal(data: dict, path: str) -> str:
    with pytest.raises(SpecError) as err:
        load_spec(data)
    text = str(err.value)
    assert path in text, text
    return text


# --- 1. the exclusive grant-back in a licence ---------------------------------------------------------


def test_an_exclusive_grant_back_in_a_licence_gives_the_licensor_an_exclusive_licence_for_a_price():
    spec = _spec("license-en", improvements__grant_back="exclusive")
    en = _article(spec, "license.improvements")
    assert ("Meiho grants Kamo Photonics an exclusive licence, for the term of the Licence, to exploit the "
            "Improvements that Meiho creates alone.") in en
    assert "Meiho may exploit those Improvements itself only in exploiting the Licensed Rights under this Agreement, " \
           "and shall not license them to any third party." in en
    assert "Kamo Photonics shall pay Meiho a reasonable amount that the parties agree in good faith." in en
    assert "non-exclusive, royalty-free licence, for the term of the Licence" not in en
    ja = _article(spec, "license.improvements", lang="ja")
    assert "Meihoは、Kamo Photonicsに対し、Meihoが単独で創作した改良技術を、本ライセンスの期間中、独占的に実施する権利を許諾する。" in ja
    assert "第三者に対し当該改良技術の実施を許諾してはならない。" in ja
    summary = _summary(spec)
    assert "Kamo Photonics gets an exclusive licence to Meiho's improvements while the licence lasts" in summary
    assert "License its improvements to others, or use them outside its licence, while the licence lasts." in summary
    assert "Meihoの改良を独占的に使えます（独占的グラントバック）" in _summary(spec, lang="ja")


def test_an_exclusive_grant_back_in_a_licence_is_a_warning_with_the_assignment_backs_reason():
    found = _findings(_spec("license-en", improvements__grant_back="exclusive"), "licence.exclusive_grant_back")
    assert len(found) == 1
    finding = found[0]
    assert (finding.severity, finding.path) == ("warning", "/improvements/grant_back")
    assert "Meiho must give Kamo Photonics an exclusive licence to the improvements it makes alone" in finding.message
    assigned = _findings(_spec("license-en", improvements__owner="original_owner"), "licence.assign_back_improvements")
    assert finding.why == assigned[0].why and "unfair trade practice" in finding.why
    assert '"improvements.grant_back": "non_exclusive_free"' in finding.fix
    ja = finding.in_locale(get_locale("ja"))
    assert "独占的グラントバック" in ja.message and "Meiho" in ja.message and "不公正な取引方法" in ja.why
    assert not _findings(_spec("license-en"), "licence.exclusive_grant_back")
    # with an assignment-back the grant-back is not used: only that finding
    both = _spec("license-en", improvements__owner="original_owner", improvements__grant_back="exclusive")
    assert not _findings(both, "licence.exclusive_grant_back") and _findings(both, "licence.assign_back_improvements")


# --- 2. the joint R&D: the exclusive grant-back and the three findings --------------------------------


def test_an_exclusive_grant_back_in_a_joint_rnd_keeps_the_improvers_own_use_and_bars_licensing_others():
    spec = _spec("jrd-startup-ja", improvements__grant_back="exclusive")
    ja = _article(spec, "jrd.improvements")
    assert "当該改良技術に係る知的財産権を独占的に実施する権利を許諾する。" in ja
    assert "改良技術を創出した当事者は、当該範囲において、当該改良技術を自ら実施することができるが、第三者に対しその実施を許諾してはならない。" in ja
    assert "非独占的な権利" not in ja
    en = _article(spec, "jrd.improvements", lang="en")
    assert "grants the other party an exclusive right to practise the Intellectual Property Rights in it" in en
    assert "may practise it itself, but shall not license it to any third party" in en
    assert "相手は成果を使える範囲でその改良を独占的に使え" in _summary(spec)
    assert "License to others an improvement to the results that it makes outside the research" in _summary(spec, lang="en")


@pytest.mark.parametrize("changes, check_id, path", [
    ({"improvements__owner": "original_owner"}, "jrd.assign_back_improvements", "/improvements/owner"),
    ({"improvements__grant_back": "exclusive"}, "jrd.exclusive_grant_back", "/improvements/grant_back"),
    ({"improvements__grant_back": "non_exclusive_sublicensable"}, "jrd.sublicensable_grant_back", "/improvements/grant_back"),
])
def test_a_joint_rnd_that_hands_improvements_over_is_a_warning(changes, check_id, path):
    found = _findings(_spec("jrd-university-en", **changes), check_id)
    assert [(f.severity, f.path) for f in found] == [("warning", path)]
    assert "improvements it makes to the results outside the research" in found[0].message \
        or "improvement a party makes to the results outside the research" in found[0].message
    assert "licensee" not in found[0].message and "licensor" not in found[0].message
    assert "unfair trade practice" in found[0].why
    assert "研究の外" in found[0].in_locale(get_locale("ja")).message


def test_the_joint_rnd_findings_stay_quiet_for_a_non_exclusive_grant_back():
    for grant_back in ("none", "non_exclusive_free"):
        ids = {f.id for f in check(_spec("jrd-startup-ja", improvements__grant_back=grant_back))}
        assert not ids & {"jrd.assign_back_improvements", "jrd.exclusive_grant_back", "jrd.sublicensable_grant_back"}


def test_the_joint_rnd_assignment_back_names_who_assigns_to_the_owner_of_the_results():
    # jrd-startup-ja: サーマリンク owns the results, 大和電機 improves them and must assign
    finding = _findings(_spec("jrd-startup-ja", improvements__owner="original_owner"), "jrd.assign_back_improvements")[0]
    assert finding.message.startswith("大和電機 must assign the improvements it makes to the results outside the research "
                                      "to サーマリンク, which owns the results")
    assert "大和電機は、研究の外で行った成果の改良を、成果の権利者であるサーマリンクに" in finding.in_locale(get_locale("ja")).message
    assert finding.why == _findings(_spec("jrd-startup-ja", improvements__grant_back="exclusive"),
                                    "jrd.exclusive_grant_back")[0].why


def test_an_exclusive_licence_back_to_an_improver_that_assigned_is_refused():
    data = _data("jrd-startup-ja", improvements__owner="original_owner", improvements__grant_back="exclusive")
    assert "never exclusive" in _refusal(data, "/improvements/grant_back")


# --- 3. the JRD definition of Improvements --------------------------------------------------------------


def test_the_jrd_improvement_definition_leaves_out_a_partys_own_product_technology():
    spec = _spec("jrd-startup-ja")
    ja = _article(spec, "jrd.definitions")
    assert "又は応用した" not in ja
    assert "「改良技術」とは、本成果そのものを改良し、又は改変した発明、考案、ノウハウ、著作物その他の技術上の成果であって、" \
           "本成果知的財産権に抵触し、又は本成果を使用することなしには実施することができないもののうち、" in ja
    assert "本成果知的財産権に抵触せず、かつ、本成果を使用せずに実施することができるものは、改良技術に含まれない。" in ja
    en = _article(spec, "jrd.definitions", lang="en")
    assert "improves, modifies or applies" not in en
    assert "modifies or enhances the Results themselves, that cannot be worked without infringing the Foreground IP " \
           "or using the Results" in en
    assert "but not a party's own product, process or other technology that can be worked without infringing the " \
           "Foreground IP and without using the Results" in en


# --- 4. the mediation period ----------------------------------------------------------------------------


def _mediation(example: str, months=None, law="japan", court="大阪地方裁判所") -> dict:
    data = _data(example)
    data["disputes"] = {"governing_law": law, "forum": "ip_mediation_then_court", "court": court}
    if months is not None:
        data["disputes"]["mediation_months"] = months
    return data


def test_the_mediation_period_is_the_one_the_spec_gives_in_both_languages():
    spec = load_spec(_mediation("jrd-university-ja", 6))
    assert "調停の申立ての日から6か月を経過しても調停が成立しないとき" in _article(spec, "general.disputes")
    assert "If no settlement is reached within 6 months after the request for mediation is filed" in \
        _article(spec, "general.disputes", lang="en")
    foreign = load_spec(_mediation("jrd-university-en", 9, law="singapore", court="Osaka District Court"))
    en = _article(foreign, "general.disputes")
    assert "if no settlement is reached within 9 months after the request for mediation is filed" in en
    assert "3 months" not in en
    assert "調停の申立ての日から9か月を経過しても" in _article(foreign, "general.disputes", lang="ja")


def test_one_month_of_mediation_reads_in_the_singular():
    spec = load_spec(_mediation("jrd-university-en", 1, court="Osaka District Court"))
    assert "within 1 month after the request for mediation" in _article(spec, "general.disputes")


def test_the_default_mediation_period_is_three_months_as_before():
    given = load_spec(_mediation("jrd-university-ja", 3))
    default = load_spec(_mediation("jrd-university-ja"))
    assert _article(given, "general.disputes") == _article(default, "general.disputes")
    assert "調停の申立ての日から3か月を経過しても" in _article(default, "general.disputes")


@pytest.mark.parametrize("example", ["license-en", "nda-mutual-ja"])
def test_a_mediation_period_without_mediation_is_refused(example):
    data = _data(example, disputes__mediation_months=6)
    assert "ip_mediation_then_court" in _refusal(data, "/disputes/mediation_months")


@pytest.mark.parametrize("months", [0, 25])
def test_a_mediation_period_out_of_range_is_refused(months):
    _refusal(_mediation("jrd-university-ja", months), "mediation_months")


@pytest.mark.parametrize("example, months", [("nda-mutual-ja", None), ("jrd-university-ja", 6)])
def test_an_agreements_embedded_spec_loads_again_with_the_mediation_period_filled_in(example, months):
    """The agreement embeds its spec with every default filled in; the summary of the agreement is the spec's."""
    from ipclauses.assemble import assemble
    from ipclauses.summary import summarize

    data = _data(example) if months is None else _mediation(example, months)
    spec = load_spec(data)
    agreement = assemble(spec)
    assert agreement.resolved_spec["disputes"]["mediation_months"] == (months or 3)
    assert summarize(agreement) == summarize(spec)
