"""indicators: Chinese economic text in, a tidy table of quantitative facts out.

    >>> import indicators
    >>> table = indicators.extract("前三季度，完成投资300.1亿元，同比增长7.1%。")
    >>> table[["mention", "value", "unit", "kind"]].values.tolist()
    [['300.1亿元', 30010000000.0, '元', 'money'], ['7.1%', 7.1, '%', 'growth']]
"""

from .engine.extract import extract, extract_facts
from .schema import COLUMNS, Fact

__all__ = ["COLUMNS", "Fact", "extract", "extract_facts"]
