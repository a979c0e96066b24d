// The column types are the solution model's (src/DataverseRelationship.SolutionModel): one vocabulary for every project.
global using ColumnType = DataverseRelationship.SolutionModel.ColumnType;
global using DateBehavior = DataverseRelationship.SolutionModel.DateBehavior;
