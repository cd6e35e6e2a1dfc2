using Boilerplate.Core.Metadata;

namespace Boilerplate.Core.Tests.Metadata;

/// <summary>The embedded detector on paragraphs written for this test, one per language of the hand-labelled set.</summary>
public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "The council approved the new budget on Tuesday evening after a long debate about the cost of repairing the old bridge, which has been closed to traffic since the spring floods damaged its foundations.")]
    [InlineData("de", "Der Stadtrat hat am Dienstagabend nach einer langen Debatte den neuen Haushalt beschlossen, obwohl die Kosten für die Reparatur der alten Brücke noch nicht feststehen und die Straße seit dem Frühjahr gesperrt ist.")]
    [InlineData("fr", "Le conseil municipal a adopté mardi soir le nouveau budget après un long débat sur le coût de la réparation du vieux pont, fermé à la circulation depuis les inondations du printemps dernier.")]
    [InlineData("es", "El ayuntamiento aprobó el martes por la noche el nuevo presupuesto tras un largo debate sobre el coste de reparar el viejo puente, que está cerrado al tráfico desde las inundaciones de la primavera.")]
    [InlineData("it", "Il consiglio comunale ha approvato martedì sera il nuovo bilancio dopo un lungo dibattito sul costo della riparazione del vecchio ponte, chiuso al traffico dalle alluvioni della scorsa primavera.")]
    [InlineData("pt", "A câmara municipal aprovou na terça-feira à noite o novo orçamento depois de um longo debate sobre o custo de reparar a velha ponte, que está fechada ao trânsito desde as cheias da primavera.")]
    [InlineData("nl", "De gemeenteraad heeft dinsdagavond na een lang debat de nieuwe begroting goedgekeurd, hoewel de kosten voor het herstel van de oude brug nog niet bekend zijn en de weg sinds het voorjaar gesloten is.")]
    [InlineData("pl", "Rada miasta zatwierdziła we wtorek wieczorem nowy budżet po długiej debacie o kosztach naprawy starego mostu, który jest zamknięty dla ruchu od wiosennej powodzi, która uszkodziła jego fundamenty.")]
    [InlineData("ru", "Городской совет во вторник вечером утвердил новый бюджет после долгих споров о стоимости ремонта старого моста, который закрыт для движения с весеннего наводнения.")]
    [InlineData("zh", "市议会周二晚上在就修复旧桥的费用进行长时间辩论后批准了新的预算，这座桥自春季洪水损坏其地基以来一直禁止通行。")]
    [InlineData("ja", "市議会は火曜日の夜、古い橋の修理費用について長い議論を重ねた末に新しい予算を承認した。この橋は春の洪水で基礎が損傷して以来、通行止めになっている。")]
    [InlineData("ar", "وافق مجلس المدينة مساء الثلاثاء على الميزانية الجديدة بعد نقاش طويل حول تكلفة إصلاح الجسر القديم الذي أغلق أمام حركة المرور منذ فيضانات الربيع.")]
    public void Tells_each_hand_labelled_language(string expected, string text) =>
        Assert.Equal(expected, LanguageDetector.Default.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("OK")]
    [InlineData("12345 67890 !!! ???")]
    public void Too_little_text_gets_no_language(string text) => Assert.Equal(string.Empty, LanguageDetector.Default.Detect(text));
}
