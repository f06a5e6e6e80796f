import Foundation
import Testing

@testable import KienNghiCore

@Suite("Grouped cross-validation")
struct CrossValidationTests {
    static func petition(_ id: Int, host: String, theme: String) -> GoldPetition {
        GoldPetition(id: "p\(id)", text: "t\(id)", themes: [theme], agency: nil, source: "https://\(host)/page-\(id)")
    }

    @Test func noSiteIsInTwoFoldsAndFoldsAreBalanced() {
        var gold: [GoldPetition] = []
        for i in 0..<200 {
            gold.append(
                Self.petition(
                    i, host: ["www.a.vn", "a.vn", "m.b.vn", "c.vn", "d.vn", "e\(i % 40).vn"][i % 6], theme: "traffic"))
        }
        let validation = GroupedCrossValidation()
        let folds = validation.assignFolds(gold)
        var foldOf: [String: Int] = [:]
        for (petition, fold) in zip(gold, folds) {
            let group = GroupedCrossValidation.group(of: petition)
            #expect(foldOf[group, default: fold] == fold, "\(group) in two folds")
            foldOf[group] = fold
        }
        // www.a.vn and a.vn
        #expect(GroupedCrossValidation.group(of: gold[0]) == GroupedCrossValidation.group(of: gold[1]))
        let sizes = (0..<5).map { k in folds.filter { $0 == k }.count }
        #expect(sizes.max()! - sizes.min()! <= 70)
        #expect(validation.assignFolds(gold) == folds)
    }

    @Test func textVariants() {
        #expect(TextVariant.noDiacritics.apply("Đường ngập, người dân khổ") == "Duong ngap, nguoi dan kho")
        #expect(TextVariant.telex.apply("Đường ngập, người dân khổ") == "Dduwowngf ngaapj, nguwowif daan khoor")
    }

    @Test func trainingIsDeterministicAndLearnsTheSignal() {
        let hand = defaultClassifier.withLearned(nil)
        let texts = [
            ("Mặt đường thủng nhiều ổ gà", "traffic"), ("Nhà máy xả khói đen", "environment"),
            ("Xe tải chạy quá tốc độ", "traffic"),
            ("Khói bụi từ lò gạch", "environment"), ("Đường ngập sâu khi mưa", "traffic"),
            ("Nước thải đổ ra kênh", "environment"),
        ]
        let examples = (0..<4).flatMap { _ in texts }.map {
            ThemeModelTrainer.Example(input: hand.learningInput($0.0), themes: [$0.1])
        }
        let themes = defaultLexicon.themes.map(\.id)
        let a = ThemeModelTrainer().fit(examples, themes: themes)
        #expect(a == ThemeModelTrainer().fit(examples, themes: themes))
        let model = hand.withLearned(a)
        #expect(model.classify("Khói bụi mù mịt").mainTheme == "environment")
        #expect(model.classify("Ổ gà trên mặt đường").mainTheme == "traffic")
    }

    @Test func poolsPerAgencyFigures() {
        let gold = [
            GoldPetition(id: "1", text: "", themes: ["traffic"], agency: "transport"),
            GoldPetition(id: "2", text: "", themes: ["traffic"], agency: "district"),
        ]
        let report = Evaluator.score(
            gold,
            predictions: [
                .init(themes: ["traffic"], agency: "transport"), .init(themes: ["traffic"], agency: "transport"),
            ],
            themes: ["traffic", "other"])
        #expect(report.perAgency.map(\.agency) == ["district", "transport"])
        #expect(report.perAgency.map(\.correct) == [0, 1])
        #expect(report.agencyAccuracy == 0.5)
    }
}
