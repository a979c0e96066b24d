using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Conditions and nested filters joined by And or Or.</summary>
[DataContract(Name = "FilterExpression", Namespace = ContractNamespaces.Xrm2011)]
public sealed class FilterExpression : IExtensibleDataObject
{
    private readonly DataCollection<ConditionExpression> conditions = new DataCollection<ConditionExpression>();
    private readonly DataCollection<FilterExpression> filters = new DataCollection<FilterExpression>();

    public FilterExpression()
    {
    }

    public FilterExpression(LogicalOperator filterOperator)
    {
        FilterOperator = filterOperator;
    }

    public DataCollection<ConditionExpression> Conditions => conditions;

    public ExtensionDataObject ExtensionData { get; set; }

    public string FilterHint { get; set; }

    public LogicalOperator FilterOperator { get; set; }

    public DataCollection<FilterExpression> Filters => filters;

    public bool IsQuickFindFilter { get; set; }

    public void AddCondition(ConditionExpression condition)
    {
        conditions.Add(condition);
    }

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
    {
        conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));
    }

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
    {
        conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));
    }

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
    {
        conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));
    }

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
    {
        conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, value));
    }

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
    {
        conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));
    }

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
    {
        conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, value));
    }

    /// <summary>Adds a new child filter with the operator and returns the child.</summary>
    public FilterExpression AddFilter(LogicalOperator logicalOperator)
    {
        var child = new FilterExpression(logicalOperator);
        filters.Add(child);
        return child;
    }

    public void AddFilter(FilterExpression childFilter)
    {
        if (childFilter != null)
        {
            filters.Add(childFilter);
        }
    }
}
