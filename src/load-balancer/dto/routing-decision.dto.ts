import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ExclusionReason } from '../routing.types.js';
import { ModuleHealth } from '../../state/entities/index.js';
import { ROBOT_TYPE_PATTERN } from '../../core/validation/identifiers.js';

export class SelectModuleQueryDto {
  @ApiProperty({ example: 'legal_review', description: 'Robot type to route' })
  @IsString()
  @MaxLength(50)
  @Matches(ROBOT_TYPE_PATTERN, { message: 'robot_type must be 1-50 lowercase letters, digits, _ . or -' })
  robot_type: string;
}

class ScorePartsDto {
  @ApiProperty({ example: 0.45 }) performance: number;
  @ApiProperty({ example: 0.24 }) capacity: number;
  @ApiProperty({ example: 0.2 }) health: number;
  @ApiProperty({ example: 0.89 }) total: number;
}

class CandidateDto {
  @ApiProperty({ example: 'LegalModule' }) module_name: string;
  @ApiProperty({ example: '1.2.0' }) module_version: string;
  @ApiProperty({ enum: ModuleHealth, example: ModuleHealth.Healthy }) health_status: ModuleHealth;
  @ApiProperty({ example: 0.9 }) performance_score: number;
  @ApiProperty({ example: 0.2 }) capacity_utilization: number;
  @ApiProperty({ example: true }) eligible: boolean;
  @ApiProperty({ enum: ExclusionReason, isArray: true, example: [] }) excluded_because: ExclusionReason[];
  @ApiProperty({ type: ScorePartsDto }) score: ScorePartsDto;
}

class WeightsDto {
  @ApiProperty({ example: 0.5 }) performance: number;
  @ApiProperty({ example: 0.3 }) capacity: number;
  @ApiProperty({ example: 0.2 }) health: number;
}

export class RoutingDecisionDto {
  @ApiProperty({ example: 'legal_review' }) robot_type: string;
  @ApiProperty({ example: 'weighted' }) strategy: string;
  @ApiProperty({ type: WeightsDto }) weights: WeightsDto;
  @ApiProperty({ example: 'LegalModule', nullable: true, type: String, description: 'null when no module is eligible' })
  selected_module: string | null;
  @ApiProperty({ type: CandidateDto, isArray: true, description: 'Eligible first, best first; excluded ones say why' })
  candidates: CandidateDto[];
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) decided_at: string;
}
