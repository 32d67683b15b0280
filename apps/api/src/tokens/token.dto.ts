import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { CreatedToken, List, TokenView } from '@thymis/contracts';

export class CreateTokenRequest {
  @ApiProperty({ example: 'ci pipeline' }) @IsString() @Length(1, 100) name: string;
}

export class TokenResponse implements TokenView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) revokedAt: string | null;
}

export class CreatedTokenResponse extends TokenResponse implements CreatedToken {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`. Shown once; only its hash is stored.' })
  token: string;
}

export class TokenListResponse implements List<TokenView> {
  @ApiProperty({ type: [TokenResponse] }) items: TokenView[];
}
