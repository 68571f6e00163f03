using Extractor.Domain;

namespace Extractor.Tests.Forms;

public class FormVocabularyTests
{
    [Theory]
    [InlineData("分值", true)]
    [InlineData("得 分", true)]
    [InlineData("自评得分", true)]
    [InlineData("权重", true)]
    [InlineData("分值（分）", true)]
    [InlineData("指标分值", true)]
    [InlineData("得分率", false)]          // a percentage, not a score
    [InlineData("年度指标值", false)]
    [InlineData("产出指标（50分）", false)]
    [InlineData("偏差原因分析及改进措施", false)]
    public void A_score_header_is_told_by_its_whole_text(string header, bool expected) =>
        Assert.Equal(expected, FormVocabulary.IsScoreHeader(header));

    [Theory]
    [InlineData("年度指标值", true)]
    [InlineData("实际完成值", true)]
    [InlineData("指标值（包含数字及文字描述）", false)]
    [InlineData("分值", false)]
    [InlineData("司脂标值之", true)]
    [InlineData("三级指标", false)]
    public void An_indicator_value_header_ends_in_its_word(string header, bool expected) =>
        Assert.Equal(expected, FormVocabulary.IsIndicatorValueHeader(header));
}
