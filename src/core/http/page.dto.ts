import { ApiProperty } from '@nestjs/swagger';

/**
 * A page of a keyset-paginated list (built by `paginate`); each list's page DTO extends it to name
 * its item type for Swagger.
 */
export abstract class PageDto<T> {
  abstract items: T[];

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDQy',
    description: 'cursor of the next page; null on the last page',
  })
  next_cursor: string | null;
}
